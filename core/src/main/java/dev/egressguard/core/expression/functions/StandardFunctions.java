package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;

import java.util.List;

/**
 * Every function of Azure's template function reference, registered family by family: the
 * library a template's scope supplies to the evaluator. It lives here, above the expression
 * language's core, so that {@code expression} does not depend on its function families.
 */
public final class StandardFunctions {

    private static final FunctionLibrary LIBRARY = build();

    private StandardFunctions() {
    }

    /** Every function of Azure's template function reference. */
    public static FunctionLibrary library() {
        return LIBRARY;
    }

    /**
     * Each family is set up when a template first calls one of its functions (see
     * {@code FunctionLibrary.Builder.family}), so a function added to a family is named here too;
     * a family that registers other names than these fails at its first use, and
     * {@code StandardFunctionsTest} uses every one.
     */
    private static FunctionLibrary build() {
        return new FunctionLibrary.Builder()
                .family("array", List.of("array", "concat", "contains", "createArray", "empty", "first", "last",
                        "indexOf", "lastIndexOf", "length", "range", "skip", "take", "flatten", "indexFromEnd",
                        "tryIndexFromEnd"), ArrayFunctions::register)
                .family("object", List.of("createObject", "items", "json", "null", "objectKeys", "shallowMerge", "union",
                        "intersection", "tryGet"), ObjectFunctions::register)
                .family("comparison", List.of("coalesce", "equals", "greater", "greaterOrEquals", "less",
                        "lessOrEquals"), ComparisonFunctions::register)
                .family("logical", List.of("and", "or", "not", "bool", "true", "false", "if"), LogicalFunctions::register)
                .family("numeric", List.of("add", "sub", "mul", "div", "mod", "int", "float", "max", "min", "copyIndex"),
                        NumericFunctions::register)
                .family("string", List.of("endsWith", "startsWith", "format", "guid", "uniqueString", "newGuid", "join",
                        "padLeft", "replace", "split", "string", "substring", "toLower", "toUpper", "trim"),
                        StringFunctions::register)
                .family("encoding", List.of("base64", "base64ToString", "base64ToJson", "dataUri", "dataUriToString",
                        "uri", "uriComponent", "uriComponentToString"), EncodingFunctions::register)
                .family("date", List.of("utcNow", "dateTimeAdd", "dateTimeFromEpoch", "dateTimeToEpoch"),
                        DateFunctions::register)
                .family("deployment", List.of("deployment", "environment", "parameters", "variables"),
                        DeploymentFunctions::register)
                .family("resource", List.of("resourceId", "subscriptionResourceId", "tenantResourceId",
                        "extensionResourceId", "managementGroupResourceId", "resourceGroup", "subscription", "tenant",
                        "managementGroup", "reference", "pickZones", "references", "deployer", "providers"),
                        ResourceFunctions::register)
                .family("lambda", List.of("filter", "map", "reduce", "sort", "toObject", "groupBy", "mapValues",
                        "lambdaVariables", "lambda"), LambdaFunctions::register)
                .family("cidr", List.of("parseCidr", "cidrSubnet", "cidrHost"), CidrFunctions::register)
                .build();
    }
}
