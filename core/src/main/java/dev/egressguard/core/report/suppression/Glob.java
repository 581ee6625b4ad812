package dev.egressguard.core.report.suppression;

import java.util.regex.Pattern;

/**
 * A resource pattern: {@code *} matches any run of characters (slashes included, so one pattern
 * covers every subnet of a vnet), {@code ?} one character; everything else literally, ignoring
 * case as ARM does.
 */
record Glob(String text, Pattern pattern) {

    static Glob of(String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new Glob(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    boolean matches(String s) {
        return s != null && !s.isEmpty() && pattern.matcher(s).matches();
    }
}
