package dev.egressguard.core.expression;

import java.util.Objects;

/**
 * A built-in function: its name as Azure spells it, how many arguments it takes
 * ({@code maxArgs} -1 for any number), and whether an Unknown argument makes the whole result
 * Unknown before the body runs (true for almost all; false for functions that build containers
 * such as createArray, whose shape stays known).
 */
record FunctionDef(String name, int minArgs, int maxArgs, boolean propagatesUnknown, TemplateFunction body) {

    public FunctionDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    public String arityText() {
        return arityText(minArgs, maxArgs);
    }

    /** "2 arguments", "at least 1 argument", "1 to 3 arguments" ({@code maxArgs} -1: any number). */
    public static String arityText(int minArgs, int maxArgs) {
        if (maxArgs == minArgs) {
            return minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        if (maxArgs < 0) {
            return "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        return minArgs + " to " + maxArgs + " arguments";
    }

    public boolean accepts(int count) {
        return count >= minArgs && (maxArgs < 0 || count <= maxArgs);
    }
}
