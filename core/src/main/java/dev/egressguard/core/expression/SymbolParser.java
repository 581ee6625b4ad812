package dev.egressguard.core.expression;

import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.ExpressionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a symbol back from the text {@link Symbol#render()} wrote: a term is recognised by parsing
 * it as an ARM expression, so the reading lives with the expression language, above the value model.
 */
public final class SymbolParser {

    private SymbolParser() {
    }

    /**
     * Reads back a text that {@link Symbol#render()} wrote: the symbol when it holds a term, else
     * empty (the text is a known string). A term is a bracketed run whose brackets balance
     * outside quoted strings and that parses as an ARM expression; other brackets are text.
     */
    public static Optional<Symbol> parse(String rendered) {
        if (rendered.indexOf('[') < 0) {
            return Optional.empty();
        }
        List<Symbol.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        boolean anyTerm = false;
        while (i < rendered.length()) {
            char c = rendered.charAt(i);
            int end = c == '[' ? termEnd(rendered, i) : -1;
            if (end > 0) {
                String inner = rendered.substring(i + 1, end);
                if (parsesAsExpression(inner)) {
                    if (!text.isEmpty()) {
                        parts.add(new Symbol.Text(text.toString()));
                        text.setLength(0);
                    }
                    parts.add(new Symbol.Term(inner));
                    anyTerm = true;
                    i = end + 1;
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        if (!anyTerm) {
            return Optional.empty();
        }
        if (!text.isEmpty()) {
            parts.add(new Symbol.Text(text.toString()));
        }
        return Optional.of(new Symbol(parts));
    }

    /** The index of the bracket that closes the one at {@code open}, or -1. */
    private static int termEnd(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean parsesAsExpression(String text) {
        if (text.isBlank()) {
            return false;
        }
        try {
            // A term is a call or a member of one; "[0]" (a placeholder index) is text.
            Expr e = ExpressionParser.parse(text.replace('\u2215', '/'));
            return !(e instanceof Expr.StringLiteral || e instanceof Expr.IntegerLiteral);
        } catch (ExpressionException e) {
            return false;
        }
    }

}
