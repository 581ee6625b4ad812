package dev.egressguard.core.source;

/**
 * Input text quoted in a message, cut to a length a person can read: a template or rule file can
 * put megabytes into one string, and a message quoting it whole would flood the console, the
 * report and the build log. Every message that quotes input goes through here.
 */
public final class Excerpt {

    /** The most characters of input a message quotes. */
    public static final int MAX_QUOTED = 200;
    /** The longest whole message: a backstop for a message that quotes input without this class. */
    public static final int MAX_MESSAGE = 1_000;

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

    /** A whole message cut to {@value #MAX_MESSAGE} characters, its length said when cut. */
    public static String message(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, end) + "… (message cut, " + message.length() + " characters)";
    }

    /** {@link #of} between single quotes, as messages quote template text. */
    public static String quoted(String text) {
        return "'" + of(text) + "'";
    }
}
