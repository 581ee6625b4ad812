package dev.egressguard.core.report.suppression;

import java.util.Locale;

/**
 * A resource pattern: {@code *} matches any run of characters (slashes included, so one pattern
 * covers every subnet of a vnet), {@code ?} one character; everything else literally, ignoring
 * case as ARM does. Matched without regular expressions, in time proportional to pattern length
 * times text length, so no pattern in a suppression file can stall a build.
 */
record Glob(String text) {

    boolean matches(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        String p = text.toLowerCase(Locale.ROOT);
        String s = candidate.toLowerCase(Locale.ROOT);
        int pi = 0;
        int si = 0;
        int star = -1;
        int resume = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = si;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry from there.
                pi = star + 1;
                si = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
