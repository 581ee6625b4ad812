package dev.egressguard.core.source;

/**
 * Input text quoted in a message, cut to a length a person can read: a template or rule file can
 * put megabytes into one string, and a message quoting it whole would flood the console, the
 * report and the build log. Every message that quotes input goes through here.
 */
public final class Excerpt {

    /** The most characters of input a message quotes. */
    public static final int MAX_QUOTED = 200;

    private Excerpt() {
    }

    /** {@code text} itself when short; else its first {@value #MAX_QUOTED} characters, an ellipsis and its length. */
    public static String of(String text) {
        if (text.length() <= MAX_QUOTED) {
            return text;
        }
        // Never cut a surrogate pair in two: half a character prints as '?'.
        int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        return text.substring(0, end) + "… (" + text.length() + " characters)";
    }

    /**
     * The start of a text that was built only as far as a message needs (a value whose full text
     * could be enormous): cut like {@link #of}, but without a total length, which is not known.
     */
    public static String ofPartial(CharSequence built) {
        if (built.length() <= MAX_QUOTED) {
            return built.toString();
        }
        int end = Character.isHighSurrogate(built.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        return built.subSequence(0, end) + "…";
    }

    /** {@link #of} between single quotes, as messages quote template text. */
    public static String quoted(String text) {
        return "'" + of(text) + "'";
    }
}
