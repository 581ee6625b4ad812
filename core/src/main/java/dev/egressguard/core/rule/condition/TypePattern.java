package dev.egressguard.core.rule.condition;

import java.util.List;

/**
 * Resource types a rule or graph step accepts: full type names compared case-insensitively,
 * {@code *} matching any run of characters ({@code Microsoft.Network/*}, {@code *}).
 *
 * <p>Matched without regular expressions, in time proportional to pattern length times type
 * length: as a regex, a pattern with many stars ({@code Microsoft.Network*****…/natGateways})
 * backtracked for minutes on every type it did not match (found by RuleFuzzTest).
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
        for (String text : texts) {
            // Most patterns are plain types (runs per rule per resource): compare them directly.
            if (text.indexOf('*') < 0 ? text.equalsIgnoreCase(type) : wildcardMatches(text, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wildcardMatches(String pattern, String type) {
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < type.length()) {
            if (pi < pattern.length() && pattern.charAt(pi) != '*' && sameIgnoringCase(pattern.charAt(pi), type.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                // Only the last star needs to take more: what earlier stars took is never revisited.
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }

    private static boolean sameIgnoringCase(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b);
    }

    @Override
    public String toString() {
        return texts.size() == 1 ? texts.get(0) : String.join(" or ", texts);
    }
}
