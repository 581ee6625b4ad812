package dev.egressguard.core.template;

import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.Scope;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.Optional;

/** Where template strings meet the expression language (one place, so the template side has one rule). */
final class Expressions {

    private Expressions() {
    }

    /** Azure's rule: a string in brackets is an expression, unless it starts with {@code [[}. */
    static boolean isExpression(String s) {
        return dev.egressguard.core.expression.Expressions.isExpression(s);
    }

    /** {@code [[text]} stands for the literal {@code [text]}. */
    static boolean isEscaped(String s) {
        return s.startsWith("[[") && s.endsWith("]");
    }

    /**
     * The syntax tree of a bracketed expression string; empty for a literal.
     *
     * @throws dev.egressguard.core.expression.ExpressionException when it does not parse
     */
    static Optional<Expr> parse(String text) {
        return dev.egressguard.core.expression.Expressions.parseJsonString(text);
    }

    /**
     * Evaluates a bracketed expression string.
     *
     * @throws dev.egressguard.core.expression.ExpressionException for what Azure would reject;
     *         its offset counts from the opening bracket
     */
    static Value evaluate(String text, Scope scope, SourceLocation at) {
        return dev.egressguard.core.expression.Expressions.evaluateJsonString(text, scope, at);
    }
}
