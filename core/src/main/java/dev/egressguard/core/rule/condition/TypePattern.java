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
        texts = texts instanceof Texts t ? t : new Texts(List.copyOf(texts));
    }

    public static TypePattern of(List<String> texts) {
        return new TypePattern(texts);
    }

    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        Texts t = (Texts) texts;
        for (int i = 0; i < t.texts.length; i++) {
            String text = t.texts[i];
            // Most patterns are plain types (runs per rule per resource, and per referrer in
            // referencedBy): compare them directly, and as spelled first, which is the usual case
            // and far cheaper than comparing character by character ignoring case; a plain type
            // of another length cannot match.
            if (t.wildcard[i] ? Wildcards.matches(text, type, false)
                    : text.length() == type.length() && (text.equals(type) || text.equalsIgnoreCase(type))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The texts, read-only, with which of them hold a {@code *} worked out once: a
     * {@code referencedBy} matches every reference to every resource it is asked about.
     */
    private static final class Texts extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final String[] texts;
        private final boolean[] wildcard;

        Texts(List<String> texts) {
            this.texts = texts.toArray(new String[0]);
            this.wildcard = new boolean[this.texts.length];
            for (int i = 0; i < this.texts.length; i++) {
                // Interned: the normaliser's child types and the constants of ResourceTypes are,
                // so a resource of the type meets the very same string.
                this.texts[i] = this.texts[i].intern();
                wildcard[i] = this.texts[i].indexOf('*') >= 0;
            }
        }

        @Override
        public String get(int index) {
            return texts[index];
        }

        @Override
        public int size() {
            return texts.length;
        }
    }

    @Override
    public String toString() {
        return texts.size() == 1 ? texts.get(0) : String.join(" or ", texts);
    }
}
