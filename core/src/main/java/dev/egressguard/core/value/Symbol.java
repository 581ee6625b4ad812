package dev.egressguard.core.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a value that only the deployment knows is made of, when the template decides it: a
 * parameter without value is one value, the same wherever it is used, so
 * {@code concat(parameters('clusterName'), '-vnet')} in a vnet's name and in a subnet id's
 * {@code resourceId(...)} is the same text. A symbol is that text: literal parts and terms, each
 * term an ARM expression over values no template can know ({@code parameters('clusterName')}).
 *
 * <p>Two symbols with the same parts stand for the same value (ARM evaluates deterministically);
 * two different symbols are not known to differ: only their equality is ever decided.
 *
 * <p>{@link #render()} writes a term as {@code [expression]}, the way a template writes it, so a
 * name reads {@code [parameters('clusterName')]-vnet} in findings, and a resource id with symbolic
 * names is a plain id string whose segments hold such terms ({@link dev.egressguard.core.expression.SymbolParser#parse} reads it back). A
 * term never contains {@code /}: one written in its expression is shown as {@code ∕} (U+2215), so
 * an id's segments stay where ARM puts them.
 */
public record Symbol(List<Part> parts) {

    /** A piece of a symbol: written text, or a term the deployment decides. */
    public sealed interface Part permits Text, Term {
    }

    /** Literal text. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An ARM expression (without brackets) whose value only the deployment knows. */
    public record Term(String expression) implements Part {
        public Term {
            Objects.requireNonNull(expression, "expression");
            expression = expression.replace('/', '\u2215');
        }
    }

    public Symbol {
        parts = merged(parts);
    }

    /** One term: {@code parameters('name')}. */
    public static Symbol term(String expression) {
        return new Symbol(List.of(new Term(expression)));
    }

    /** Whether the symbol is exactly one term (no literal text around it). */
    public boolean isTerm() {
        return parts.size() == 1 && parts.get(0) instanceof Term;
    }

    /** Whether any part is a term: a symbol of literal text only is a known string. */
    public boolean hasTerm() {
        return parts.stream().anyMatch(p -> p instanceof Term);
    }

    /** The text with each term as {@code [expression]}: a name or an id as findings show it. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                sb.append(t.text());
            } else {
                sb.append('[').append(((Term) p).expression()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The symbol as one ARM expression: the term itself, or {@code concat('lit', term, ...)} for
     * mixed text; used to name a value built from this one ({@code uniqueString(...)}).
     */
    public String expression() {
        if (isTerm()) {
            return ((Term) parts.get(0)).expression();
        }
        List<String> args = new ArrayList<>();
        for (Part p : parts) {
            args.add(p instanceof Text t ? quote(t.text()) : ((Term) p).expression());
        }
        return args.size() == 1 ? args.get(0) : "concat(" + String.join(", ", args) + ")";
    }

    /** A string literal as an expression writes it: {@code 'it''s'}. */
    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<Part> merged(List<Part> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        StringBuilder text = null;
        for (Part p : parts) {
            if (p instanceof Text t) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(t.text());
                continue;
            }
            if (text != null && !text.isEmpty()) {
                out.add(new Text(text.toString()));
            }
            text = null;
            out.add(Objects.requireNonNull(p, "part"));
        }
        if (text != null && !text.isEmpty()) {
            out.add(new Text(text.toString()));
        }
        return List.copyOf(out);
    }
}
