package dev.egressguard.core.model;

import dev.egressguard.core.source.JsonPointers;

import java.util.Arrays;

/**
 * The JSON pointer of where a walk through a body stands, kept as segments and made into a
 * string only when asked: a walk visits every property of every body, and only a few of them
 * (the references) need their pointer written out.
 */
final class PointerStack {

    private Object[] segments = new Object[16];
    private int size;

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
}
