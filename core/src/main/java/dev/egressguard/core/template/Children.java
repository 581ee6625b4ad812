package dev.egressguard.core.template;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The children of a node of a JSON-shaped tree ({@link SourceMap}, {@link Origins}) by pointer
 * segment, matched ignoring case like ARM keys ({@link String#CASE_INSENSITIVE_ORDER}).
 *
 * <p>Nearly every node of a template has a handful of children: up to {@link #SMALL} they are
 * two short arrays searched in place, so a node costs no map entries, and a lookup by a segment
 * of a longer pointer ({@link #get(String, int, int)}) no substring. The elements of an array
 * ("0", "1", ... in order) stay in the arrays however many there are, found by their index; any
 * other node larger than that moves to a sorted map. As with a map, putting a segment that is
 * already there in another casing replaces its node and keeps the first spelling.
 */
final class Children<N> {

    static final int SMALL = 8;

    private String[] segments = new String[2];
    private Object[] nodes = new Object[2];
    private int size;
    /** Whether the segments are "0", "1", ... in order: an array's elements. */
    private boolean indexed = true;
    private TreeMap<String, N> large;

    /** The child at {@code segment}, or null. */
    @SuppressWarnings("unchecked")
    N get(String segment) {
        if (large == null && size <= SMALL) {
            // A key of an object read from the same file is the very string the segment was made
            // from (keys without '~' or '/' are their own segments): found by identity at once.
            for (int i = 0; i < size; i++) {
                if (segments[i] == segment) {
                    return (N) nodes[i];
                }
            }
        }
        return get(segment, 0, segment.length());
    }

    /**
     * The child whose segment is the very string {@code segment}, while the children are few
     * enough to be searched in place; else, or when none is, null (the caller then looks it up).
     */
    @SuppressWarnings("unchecked")
    N identical(String segment) {
        if (large == null && size <= SMALL) {
            for (int i = 0; i < size; i++) {
                if (segments[i] == segment) {
                    return (N) nodes[i];
                }
            }
        }
        return null;
    }

    /** The child at the segment {@code pointer[start, end)}, or null. */
    @SuppressWarnings("unchecked")
    N get(String pointer, int start, int end) {
        if (large != null) {
            return large.get(pointer.substring(start, end));
        }
        if (size > SMALL) {
            int i = index(pointer, start, end);
            return i >= 0 && i < size ? (N) nodes[i] : null;
        }
        int length = end - start;
        // Pointers are nearly always built from the keys as written: an exact match first is
        // cheaper than comparing case-insensitively, and finds the same child (segments are
        // unique ignoring case).
        for (int i = 0; i < size; i++) {
            String s = segments[i];
            if (s.length() == length && s.regionMatches(0, pointer, start, length)) {
                return (N) nodes[i];
            }
        }
        for (int i = 0; i < size; i++) {
            String s = segments[i];
            if (s.length() == length && s.regionMatches(true, 0, pointer, start, length)) {
                return (N) nodes[i];
            }
        }
        return null;
    }

    /** Adds a child at a segment that is not there in any casing (the caller looked). */
    void putNew(String segment, N node) {
        if (large == null && size < SMALL) {
            append(segment, node);
        } else {
            put(segment, node);
        }
    }

    void put(String segment, N node) {
        if (large != null) {
            large.put(segment, node);
            return;
        }
        if (size >= SMALL && indexed) {
            // Only digits: a segment equal to one of them ignoring case is equal to it.
            int i = index(segment, 0, segment.length());
            if (i >= 0 && i < size) {
                nodes[i] = node;
            } else if (i == size) {
                append(segment, node);
            } else {
                toLarge().put(segment, node);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            if (segments[i].length() == segment.length() && segments[i].equalsIgnoreCase(segment)) {
                nodes[i] = node;
                return;
            }
        }
        if (size == SMALL) {
            toLarge().put(segment, node);
            return;
        }
        append(segment, node);
    }

    private void append(String segment, N node) {
        if (size == segments.length) {
            segments = Arrays.copyOf(segments, size * 2);
            nodes = Arrays.copyOf(nodes, segments.length);
        }
        indexed = indexed && index(segment, 0, segment.length()) == size;
        segments[size] = segment;
        nodes[size] = node;
        size++;
    }

    private TreeMap<String, N> toLarge() {
        TreeMap<String, N> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        forEach(sorted::put);
        large = sorted;
        segments = null;
        nodes = null;
        return sorted;
    }

    /** The array index {@code s[start, end)} writes ("0", "12"; not "012" or "-1"), or -1. */
    private static int index(String s, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 9 || (length > 1 && s.charAt(start) == '0')) {
            return -1;
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Every child with its segment: in the order first put, or in segment order once in a sorted map. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<String, N> action) {
        if (large != null) {
            for (Map.Entry<String, N> e : large.entrySet()) {
                action.accept(e.getKey(), e.getValue());
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            action.accept(segments[i], (N) nodes[i]);
        }
    }
}
