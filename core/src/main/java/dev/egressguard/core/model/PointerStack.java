package dev.egressguard.core.model;

import dev.egressguard.core.source.JsonPointers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON pointer of where a walk through a body stands, kept as segments and made into a
 * string only when asked: a walk visits every property of every body, and only a few of them
 * (the references) need their pointer written out.
 *
 * <p>The walk over a graph asks for the same few pointers again and again
 * ({@code /properties/ipConfigurations/0/properties/subnet/id} of every NIC), so each pointer is
 * written once per stack and then handed out again: looking it up by its segments costs no
 * allocation, writing it out costs a builder and a string per reference. The strings kept are the
 * distinct pointers of the references one stack has seen, so use one stack per walk over a graph.
 */
final class PointerStack {

    private Object[] segments = new Object[16];
    private int size;
    /** The pointers written so far, by their segments. */
    private final Map<Segments, String> written = new HashMap<>();
    /** This stack's segments as a key, to look them up without copying them. */
    private final Segments current = new Segments();

    void push(String key) {
        grow();
        segments[size++] = key;
    }

    void push(int index) {
        grow();
        segments[size++] = index;
    }

    void pop() {
        segments[--size] = null;
    }

    /** RFC 6901: {@code /properties/ipConfigurations/0/properties/subnet/id}. */
    String pointer() {
        current.of(segments, size);
        String known = written.get(current);
        if (known != null) {
            return known;
        }
        String pointer = write();
        written.put(current.copy(), pointer);
        return pointer;
    }

    private String write() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append('/');
            if (segments[i] instanceof String key) {
                sb.append(JsonPointers.escape(key));
            } else {
                sb.append(segments[i]);
            }
        }
        return sb.toString();
    }

    private void grow() {
        if (size == segments.length) {
            segments = Arrays.copyOf(segments, size * 2);
        }
    }

    /** Segments (keys and indices) compared by value; the stack's own instance is a view of its array. */
    private static final class Segments {
        private Object[] items;
        private int size;
        private int hash;

        void of(Object[] items, int size) {
            this.items = items;
            this.size = size;
            int h = 1;
            for (int i = 0; i < size; i++) {
                h = 31 * h + items[i].hashCode();
            }
            this.hash = h;
        }

        Segments copy() {
            Segments c = new Segments();
            c.items = Arrays.copyOf(items, size);
            c.size = size;
            c.hash = hash;
            return c;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Segments other) || other.size != size || other.hash != hash) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (!items[i].equals(other.items[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
