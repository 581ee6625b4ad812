package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;

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

    private static FunctionLibrary build() {
        FunctionLibrary.Builder b = new FunctionLibrary.Builder();
        ArrayFunctions.register(b);
        ObjectFunctions.register(b);
        ComparisonFunctions.register(b);
        LogicalFunctions.register(b);
        NumericFunctions.register(b);
        StringFunctions.register(b);
        EncodingFunctions.register(b);
        DateFunctions.register(b);
        DeploymentFunctions.register(b);
        ResourceFunctions.register(b);
        LambdaFunctions.register(b);
        CidrFunctions.register(b);
        return b.build();
    }
}
