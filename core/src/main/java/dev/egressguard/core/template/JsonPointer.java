package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;

/** RFC 6901 JSON pointers, the addresses the source map and property locators speak. */
final class JsonPointer {

    /** The segments of the first array indexes, made once: every element of every array is recorded by one. */
    private static final String[] INDEX_SEGMENTS = new String[1024];

    static {
        for (int i = 0; i < INDEX_SEGMENTS.length; i++) {
            INDEX_SEGMENTS[i] = Integer.toString(i);
        }
    }

    private JsonPointer() {
    }

    static String child(String pointer, String key) {
        return join(pointer, JsonPointers.escape(key));
    }

    static String child(String pointer, int index) {
        return join(pointer, segment(index));
    }

    /** {@code pointer/segment}, its builder made at the right size (a default one grew by copies). */
    private static String join(String pointer, String segment) {
        return new StringBuilder(pointer.length() + 1 + segment.length()).append(pointer).append('/').append(segment)
                .toString();
    }

    /** The pointer without its last segment; "" for a top-level segment, null for the root. */
    static String parent(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** The pointer segment of array index {@code index}. */
    static String segment(int index) {
        return index >= 0 && index < INDEX_SEGMENTS.length ? INDEX_SEGMENTS[index] : Integer.toString(index);
    }
}
