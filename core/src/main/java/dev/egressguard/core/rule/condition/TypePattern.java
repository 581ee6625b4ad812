package dev.egressguard.core.rule.condition;

import dev.egressguard.core.source.Wildcards;

import java.util.List;

/**
 * Resource types a rule or graph step accepts: full type names compared case-insensitively,
 * {@code *} matching any run of characters ({@code Microsoft.Network/*}, {@code *}).
 * Matched by {@link Wildcards}, without regular expressions.
 */
public record TypePattern(List<String> texts) {

    public static final TypePattern ANY = of(List.of("*"));

    public TypePattern {
        texts = List.copyOf(texts);
    }

    public static TypePattern of(List<String> texts) {
        return new TypePattern(texts);
    }

    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            // Most patterns are plain types (runs per rule per resource, and per referrer in
            // referencedBy): compare them directly, and as spelled first, which is the usual case
            // and far cheaper than comparing character by character ignoring case.
            if (text.indexOf('*') < 0 ? text.equals(type) || text.equalsIgnoreCase(type) : Wildcards.matches(text, type, false)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return texts.size() == 1 ? texts.get(0) : String.join(" or ", texts);
    }
}
