package dev.egressguard.core.source;

/**
 * Hashing text as its lower-cased form would hash, without making that copy. Ids and keys in ARM
 * are compared ignoring case, and nearly all of them are ASCII, where lower-casing only maps A-Z:
 * the hash of the lower-cased text is then worked out in one pass over the text itself.
 */
public final class AsciiCase {

    /**
     * What {@link #lowerHash} answers for text with a character outside ASCII, where lower-casing
     * may change the length (a dotted capital I grows) or depend on the neighbouring characters (a
     * final sigma). No {@code int} hash widened to a {@code long} equals it.
     */
    public static final long NOT_ASCII = Long.MIN_VALUE;

    private AsciiCase() {
    }

    /**
     * {@link String#hashCode} of the characters of {@code text} from {@code from} on, lower-cased,
     * continued from {@code hash}, the hash of what came before them: for {@code from} 0 and
     * {@code hash} 0, {@code text.toLowerCase(Locale.ROOT).hashCode()}; {@link #NOT_ASCII} when one
     * of those characters is outside ASCII.
     */
    public static long lowerHash(String text, int from, int hash) {
        int h = hash;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return h;
    }
}
