package dev.egressguard.core.template;

import dev.egressguard.core.expression.ExpressionException;
import dev.egressguard.core.expression.Scope;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.SourceLocation;

/** Where template strings meet the expression language. */
final class Expressions {

    private Expressions() {
    }

    /** Azure's rule: a string in brackets is an expression, unless it starts with {@code [[}. */
    static boolean isExpression(String s) {
        return s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']'
                && !(s.length() >= 2 && s.charAt(1) == '[');
    }

    /** {@code [[text]} stands for the literal {@code [text]}. */
    static boolean isEscaped(String s) {
        return s.startsWith("[[") && s.endsWith("]");
    }

    /** Evaluates a bracketed expression string. */
    static Value evaluate(String text, Scope scope, SourceLocation at) {
        throw new ExpressionException("expression evaluation is not wired yet");
    }
}
