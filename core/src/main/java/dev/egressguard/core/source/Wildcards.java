package dev.egressguard.core.source;

/**
 * The one wildcard matcher, for resource types in rules and resource patterns in suppressions:
 * {@code *} matches any run of characters (slashes included, the empty run too), {@code ?} one
 * character where the caller asks for it, everything else literally, ignoring case as ARM does.
 *
 * <p>Matched without regular expressions, in time proportional to pattern length times text
 * length: as a regex, a pattern with many stars ({@code Microsoft.Network*****…/natGateways})
 * backtracked for minutes on every text it did not match (found by RuleFuzzTest), and no
 * pattern in a suppression file may stall a build.
 */
public final class Wildcards {

    private Wildcards() {
    }

    /**
     * Whether all of {@code text} matches {@code pattern}.
     *
     * @param questionMark whether {@code ?} stands for one character (else it is literal)
     */
    public static boolean matches(String pattern, String text, boolean questionMark) {
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < text.length()) {
            char p = pi < pattern.length() ? pattern.charAt(pi) : 0;
            if (pi < pattern.length() && p != '*' && (questionMark && p == '?' || sameIgnoringCase(p, text.charAt(ti)))) {
                pi++;
                ti++;
            } else if (pi < pattern.length() && p == '*') {
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
}
