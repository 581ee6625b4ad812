package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;

import java.util.Map;
import java.util.TreeMap;

/** RFC 6901 JSON pointers, the addresses the source map and property locators speak. */
final class JsonPointer {

    private JsonPointer() {
    }

    static String child(String pointer, String key) {
        return pointer + "/" + JsonPointers.escape(key);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The pointer without its last segment; "" for a top-level segment, null for the root. */
    static String parent(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /**
     * A map from pointer segments to what was written there, case-insensitive like ARM keys.
     * Compared in place rather than lower-cased into new strings: every key of every template
     * is recorded and looked up, and these maps are small.
     */
    static <V> Map<String, V> segmentMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
