package dev.egressguard.core.source;

/**
 * RFC 6901 escaping of one JSON pointer segment: {@code ~} is written {@code ~0} and {@code /}
 * is written {@code ~1}. The one place pointers are escaped and unescaped: templates, the
 * resource graph and rule paths all speak the same pointers.
 */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** A key as a pointer segment; the key itself (no copy) when it holds neither {@code ~} nor {@code /}. */
    public static String escape(String key) {
        return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
    }

    /** A pointer segment back to its key; the segment itself when it holds no {@code ~}. */
    public static String unescape(String segment) {
        return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A JSON pointer as a person reads it: {@code /properties/ipConfigurations/0/id} -> {@code properties.ipConfigurations[0].id}. */
    public static String dotted(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = unescape(raw);
            if (isDigits(part)) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
