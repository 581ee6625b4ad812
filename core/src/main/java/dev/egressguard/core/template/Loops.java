package dev.egressguard.core.template;

import dev.egressguard.core.value.ExpressionException;

/**
 * The copy loops an expression stands in, innermost first. Resource and output loops answer an
 * unnamed {@code copyIndex()}; property and variable loops are addressed by name, as in Azure,
 * though an unnamed call falls back to the innermost loop when nothing else fits.
 */
record Loops(String name, long index, boolean answersUnnamed, Loops outer) {

    static final Loops NONE = null;

    static Loops push(Loops outer, String name, long index, boolean answersUnnamed) {
        return new Loops(name, index, answersUnnamed, outer);
    }

    static long index(Loops loops, String nameOrNull) {
        if (loops == null) {
            throw new ExpressionException(nameOrNull == null
                    ? "copyIndex() is used outside a copy loop"
                    : "copyIndex('" + nameOrNull + "') is used outside a copy loop");
        }
        if (nameOrNull == null) {
            for (Loops l = loops; l != null; l = l.outer) {
                if (l.answersUnnamed) {
                    return l.index;
                }
            }
            return loops.index;
        }
        for (Loops l = loops; l != null; l = l.outer) {
            if (l.name != null && l.name.equalsIgnoreCase(nameOrNull)) {
                return l.index;
            }
        }
        throw new ExpressionException("copyIndex('" + nameOrNull + "'): there is no copy loop named '" + nameOrNull
                + "' around this expression");
    }
}
