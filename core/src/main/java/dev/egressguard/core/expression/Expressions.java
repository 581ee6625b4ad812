package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Unknowns;
import dev.egressguard.core.value.ExpressionException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry points the template evaluator uses. A JSON string value is an expression when it
 * starts with {@code [} and ends with {@code ]}; a leading {@code [[} escapes that, and the
 * value is the literal text with one {@code [} removed.
 */
public final class Expressions {

    private static final int CACHE_SIZE = 4096;

    /**
     * Templates evaluate the same strings many times (copy loops); parsing once is enough. Two
     * generations stand in for least-recently-used order: a hit needs no lock and moves nothing
     * (a synchronized access-ordered map was a lock and a relink per expression evaluated),
     * and a string used since the last turn survives the next.
     */
    private static volatile Map<String, Expr> recent = new ConcurrentHashMap<>();
    private static volatile Map<String, Expr> older = Map.of();

    private Expressions() {
    }

    /** Whether ARM evaluates this JSON string value as an expression. */
    public static boolean isExpression(String raw) {
        return raw.length() >= 2 && raw.charAt(0) == '[' && raw.charAt(raw.length() - 1) == ']'
                && raw.charAt(1) != '[';
    }

    /**
     * Whether a JSON string value stands for exactly its own text: neither an expression nor
     * escaped with {@code [[}. Evaluating such a string gives the same string back.
     */
    public static boolean isPlainText(String raw) {
        return raw.length() < 2 || raw.charAt(0) != '[' || raw.charAt(raw.length() - 1) != ']';
    }

    /** The literal a non-expression JSON string stands for ({@code [[x]} is {@code [x]}). */
    public static String literal(String raw) {
        if (raw.length() >= 2 && raw.startsWith("[[") && raw.endsWith("]")) {
            return raw.substring(1);
        }
        return raw;
    }

    /** Parses the text of an expression without its brackets: {@code concat('a', 'b')}. */
    public static Expr parse(String expressionText) {
        return ExpressionParser.parse(expressionText);
    }

    /**
     * The syntax tree of a JSON string value when it is an expression; offsets count from the
     * start of {@code raw} (its '[' is offset 0).
     */
    public static Optional<Expr> parseJsonString(String raw) {
        if (!isExpression(raw)) {
            return Optional.empty();
        }
        return Optional.of(parseExpression(raw));
    }

    /**
     * The syntax tree of a JSON string value that {@link #isExpression is an expression}, from
     * the process-wide cache; offsets count from the start of {@code raw}.
     *
     * @throws ExpressionException when the expression does not parse
     */
    public static Expr parseExpression(String raw) {
        Map<String, Expr> young = recent;
        Expr cached = young.get(raw);
        if (cached == null) {
            cached = older.get(raw);
            if (cached == null) {
                cached = ExpressionParser.parse(raw, 1, raw.length() - 1);
            }
            young.put(raw, cached);
            if (young.size() > CACHE_SIZE / 2) {
                turn(young);
            }
        }
        return cached;
    }

    /** The young generation is full: it becomes the older one, and the older one is let go. */
    private static synchronized void turn(Map<String, Expr> full) {
        if (recent == full) {
            older = full;
            recent = new ConcurrentHashMap<>();
        }
    }

    /**
     * The value of a JSON string as ARM sees it: the literal for plain text (with {@code [[}
     * unescaped), the evaluated expression otherwise.
     *
     * @throws ExpressionException for what Azure would reject; its offset counts from the start of {@code raw}
     */
    public static Value evaluateJsonString(String raw, Scope scope, SourceLocation at) {
        Optional<Expr> expr = parseJsonString(raw);
        if (expr.isEmpty()) {
            return new Value.Str(literal(raw));
        }
        return evaluate(expr.get(), scope, at);
    }

    /** Evaluates a parsed expression; {@code at} is where Unknowns it yields point to. */
    public static Value evaluate(Expr expr, Scope scope, SourceLocation at) {
        return new Evaluator(scope, at).evaluate(expr);
    }
}
