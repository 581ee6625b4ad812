package dev.egressguard.core.template;

import java.util.Locale;

/** RFC 6901 JSON pointers, the addresses the source map and property locators speak. */
final class JsonPointer {

    private JsonPointer() {
    }

    static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static String escape(String key) {
        return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer without its last segment; "" for a top-level segment, null for the root. */
    static String parent(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** ARM keys are case-insensitive, so lookups by pointer are too. */
    static String normalize(String pointer) {
        return pointer.toLowerCase(Locale.ROOT);
    }
}
