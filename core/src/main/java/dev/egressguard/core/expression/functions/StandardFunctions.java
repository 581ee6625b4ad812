package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;

import java.util.List;
import java.util.function.BiConsumer;

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
     * Each function is set up when a template first calls it (see
     * {@code FunctionLibrary.Builder.family}): its family's {@code register} switches on the names
     * declared here, so a function added to a family is named here too (else its case is never
     * reached, and its tests find no such function). A declared name that its family does not
     * register fails at its first use, and {@code StandardFunctionsTest} uses every one.
     */
    private static FunctionLibrary build() {
        return new FunctionLibrary.Builder()
                .family("array", List.of("array", "concat", "contains", "createArray", "empty", "first", "last",
                        "indexOf", "lastIndexOf", "length", "range", "skip", "take", "flatten", "indexFromEnd",
                        "tryIndexFromEnd"), Family.ARRAY)
                .family("object", List.of("createObject", "items", "json", "null", "objectKeys", "shallowMerge", "union",
                        "intersection", "tryGet"), Family.OBJECT)
                .family("comparison", List.of("coalesce", "equals", "greater", "greaterOrEquals", "less",
                        "lessOrEquals"), Family.COMPARISON)
                .family("logical", List.of("and", "or", "not", "bool", "true", "false", "if"), Family.LOGICAL)
                .family("numeric", List.of("add", "sub", "mul", "div", "mod", "int", "float", "max", "min", "copyIndex"),
                        Family.NUMERIC)
                .family("string", List.of("endsWith", "startsWith", "format", "guid", "uniqueString", "newGuid", "join",
                        "padLeft", "replace", "split", "string", "substring", "toLower", "toUpper", "trim"),
                        Family.STRING)
                .family("encoding", List.of("base64", "base64ToString", "base64ToJson", "dataUri", "dataUriToString",
                        "uri", "uriComponent", "uriComponentToString"), Family.ENCODING)
                .family("date", List.of("utcNow", "dateTimeAdd", "dateTimeFromEpoch", "dateTimeToEpoch"),
                        Family.DATE)
                .family("deployment", List.of("deployment", "environment", "parameters", "variables"),
                        Family.DEPLOYMENT)
                .family("resource", List.of("resourceId", "subscriptionResourceId", "tenantResourceId",
                        "extensionResourceId", "managementGroupResourceId", "resourceGroup", "subscription", "tenant",
                        "managementGroup", "reference", "pickZones", "references", "deployer", "providers"),
                        Family.RESOURCE)
                .family("lambda", List.of("filter", "map", "reduce", "sort", "toObject", "groupBy", "mapValues",
                        "lambdaVariables", "lambda"), Family.LAMBDA)
                .family("cidr", List.of("parseCidr", "cidrSubnet", "cidrHost"), Family.CIDR)
                .build();
    }

    /**
     * The families' {@code register} methods, one constant each, rather than twelve method
     * references: a cold JVM links each method reference the first time it runs (about a
     * millisecond for the twelve, on every run that evaluates a template); constants are plain
     * objects.
     */
    private enum Family implements BiConsumer<FunctionLibrary.Builder, String> {
        ARRAY, OBJECT, COMPARISON, LOGICAL, NUMERIC, STRING, ENCODING, DATE, DEPLOYMENT, RESOURCE, LAMBDA, CIDR;

        @Override
        public void accept(FunctionLibrary.Builder b, String name) {
            switch (this) {
                case ARRAY -> ArrayFunctions.register(b, name);
                case OBJECT -> ObjectFunctions.register(b, name);
                case COMPARISON -> ComparisonFunctions.register(b, name);
                case LOGICAL -> LogicalFunctions.register(b, name);
                case NUMERIC -> NumericFunctions.register(b, name);
                case STRING -> StringFunctions.register(b, name);
                case ENCODING -> EncodingFunctions.register(b, name);
                case DATE -> DateFunctions.register(b, name);
                case DEPLOYMENT -> DeploymentFunctions.register(b, name);
                case RESOURCE -> ResourceFunctions.register(b, name);
                case LAMBDA -> LambdaFunctions.register(b, name);
                case CIDR -> CidrFunctions.register(b, name);
            }
        }
    }
}
