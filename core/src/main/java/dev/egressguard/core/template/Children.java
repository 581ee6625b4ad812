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
 * of a longer pointer ({@link #get(String, int, int)}) no substring. A larger node (a long
 * {@code resources} array) moves to a sorted map. As with a map, putting a segment that is
 * already there in another casing replaces its node and keeps the first spelling.
 */
final class Children<N> {

    static final int SMALL = 8;

    private String[] segments = new String[2];
    private Object[] nodes = new Object[2];
    private int size;
    private TreeMap<String, N> large;

    /** The child at {@code segment}, or null. */
    @SuppressWarnings("unchecked")
    N get(String segment) {
        if (large == null) {
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

    /** The child at the segment {@code pointer[start, end)}, or null. */
    @SuppressWarnings("unchecked")
    N get(String pointer, int start, int end) {
        if (large != null) {
            return large.get(pointer.substring(start, end));
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
        for (int i = 0; i < size; i++) {
            if (segments[i].length() == segment.length() && segments[i].equalsIgnoreCase(segment)) {
                nodes[i] = node;
                return;
            }
        }
        if (size == SMALL) {
            TreeMap<String, N> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            forEach(sorted::put);
            sorted.put(segment, node);
            large = sorted;
            segments = null;
            nodes = null;
            return;
        }
        append(segment, node);
    }

    private void append(String segment, N node) {
        if (size == segments.length) {
            segments = Arrays.copyOf(segments, Math.min(SMALL, size * 2));
            nodes = Arrays.copyOf(nodes, segments.length);
        }
        segments[size] = segment;
        nodes[size] = node;
        size++;
    }

    /** Every child with its segment: in the order first put while small, in segment order once large. */
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
