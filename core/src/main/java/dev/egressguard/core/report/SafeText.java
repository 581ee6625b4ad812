package dev.egressguard.core.report;

/**
 * Text from templates, rule files and file names on its way out of the tool. Every input may come
 * from a pull request, so a name must neither break a report file nor speak to the terminal or CI
 * log that shows it.
 * <ul>
 *   <li>{@link #wellFormed}: an unpaired surrogate (which no UTF-8 encoder can write) becomes
 *       U+FFFD, so one bad value never costs a whole report.</li>
 *   <li>{@link #forTerminal}: also shows control characters (C0, DEL, C1: ESC and OSC sequences,
 *       BEL, line breaks), the line and paragraph separators and the bidirectional controls as
 *       visible escapes ({@code \n}, {@code \u001b}, {@code \u202e}), and breaks the CI log
 *       commands that a line could otherwise carry: GitHub's {@code ::command::} at the start of a
 *       line, Azure Pipelines' {@code ##vso[} and {@code ##[} anywhere.</li>
 * </ul>
 * A backslash is left as it is, so Windows paths and patterns stay readable; escaping is then not
 * reversible, but it is idempotent: text escaped twice (a console line logged through the Maven
 * plugin's log) reads the same as text escaped once.
 */
public final class SafeText {

    static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** {@code text} with each unpaired surrogate replaced by U+FFFD; null is the empty string. */
    public static String wellFormed(String text) {
        if (text == null) {
            return "";
        }
        int bad = firstUnpaired(text, 0);
        if (bad < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        while (bad >= 0) {
            sb.append(text, from, bad).append(REPLACEMENT);
            from = bad + 1;
            bad = firstUnpaired(text, from);
        }
        return sb.append(text, from, text.length()).toString();
    }

    /** One line of text safe to print to a terminal or a CI log; null is the empty string. */
    public static String forTerminal(String text) {
        String s = wellFormed(text);
        StringBuilder sb = null;
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape == null && c == '#' && isCommandPrefix(s, i)) {
                escape = "\\u0023";
            }
            if (escape == null && lineStart && c == ':' && s.startsWith(":", i + 1)) {
                escape = "\\u003a";
            }
            lineStart = lineStart && (c == ' ');
            if (escape != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (escape != null) {
                    sb.append(escape);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** The visible form of a character a terminal would act on or reorder, or null for any other. */
    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> mustEscape(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028' || c == '\u2029'
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** The second '#' of "##vso[" or "##[" (any case), so that the escaped text no longer matches. */
    private static boolean isCommandPrefix(String s, int i) {
        if (i == 0 || s.charAt(i - 1) != '#') {
            return false;
        }
        return s.startsWith("[", i + 1) || s.regionMatches(true, i + 1, "vso[", 0, 4);
    }

    private static int firstUnpaired(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
