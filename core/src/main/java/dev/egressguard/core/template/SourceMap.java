package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;

import java.util.Map;

/**
 * Where every key and value of a loaded JSON file was written, by JSON pointer. For an object
 * member the "key" location is the property name and the "value" location its value; for an
 * array element both are the element. Lookups ignore case because ARM keys do.
 *
 * <p>Positions are kept in a tree shaped like the JSON (one small node per value, children by
 * pointer segment), not by pointer string: a template has a value every few bytes, and a full
 * pointer string per value was a large part of loading it. Pointers are split only when a
 * location is asked for, which is rare (a diagnostic, an expression, a finding).
 */
final class SourceMap {

    /** Where one value was written; children by escaped, lower-cased pointer segment. */
    static final class Node {
        private final int keyLine;
        private final int keyColumn;
        private final int valueLine;
        private final int valueColumn;
        private Map<String, Node> children;

        private Node(int keyLine, int keyColumn, int valueLine, int valueColumn) {
            this.keyLine = keyLine;
            this.keyColumn = keyColumn;
            this.valueLine = valueLine;
            this.valueColumn = valueColumn;
        }

        /** Records the member {@code key} of this object; its key and value start at the positions given. */
        Node member(String key, int keyLine, int keyColumn, int valueLine, int valueColumn) {
            return add(JsonPointers.escape(key), new Node(keyLine, keyColumn, valueLine, valueColumn));
        }

        /** Records element {@code index} of this array, which starts at the position given. */
        Node element(int index, int line, int column) {
            return add(Integer.toString(index), new Node(line, column, line, column));
        }

        /** The member {@code key} of this object, or this node when it has none (the nearest written place). */
        Node memberOrSelf(String key) {
            Node child = children == null ? null : children.get(JsonPointers.escape(key));
            return child == null ? this : child;
        }

        /** The member {@code key} (in any casing) recorded so far, or null. */
        Node written(String key) {
            return children == null ? null : children.get(JsonPointers.escape(key));
        }

        int keyLine() {
            return keyLine;
        }

        /** Element {@code index} of this array, or this node when it has none. */
        Node elementOrSelf(int index) {
            Node child = children == null ? null : children.get(Integer.toString(index));
            return child == null ? this : child;
        }

        private Node add(String segment, Node child) {
            if (children == null) {
                children = JsonPointer.segmentMap();
            }
            children.put(segment, child);
            return child;
        }
    }

    private final String file;
    private Node root;

    SourceMap(String file) {
        this.file = file;
    }

    /** The file name used in locations (relative to the project root when inside it). */
    public String file() {
        return file;
    }

    /** Records where the document's top-level value starts; its members are added to the node returned. */
    Node root(int line, int column) {
        root = new Node(line, column, line, column);
        return root;
    }

    /** Where the member at {@code pointer} was written (its key), or the file when unknown. */
    public SourceLocation locate(String pointer) {
        Node n = find(pointer, false);
        return n == null ? SourceLocation.of(file) : keyOf(n);
    }

    /** Where the value at {@code pointer} starts, or the file when unknown. */
    public SourceLocation valueAt(String pointer) {
        Node n = find(pointer, false);
        return n == null ? SourceLocation.of(file) : location(n.valueLine, n.valueColumn);
    }

    public boolean contains(String pointer) {
        return find(pointer, false) != null;
    }

    /** The closest pointer at or above {@code pointer} that was written in the file. */
    public SourceLocation locateNearest(String pointer) {
        Node n = find(pointer, true);
        return n == null ? SourceLocation.of(file) : keyOf(n);
    }

    /** The node at {@code pointer}, or the nearest written one above it; null only for an empty map. */
    Node node(String pointer) {
        return find(pointer, true);
    }

    /** Where the member of {@code node} was written (its key), or the file when unknown. */
    SourceLocation locate(Node node) {
        return node == null ? SourceLocation.of(file) : keyOf(node);
    }

    /** Where the value of {@code node} starts, or the file when unknown. */
    SourceLocation valueAt(Node node) {
        return node == null ? SourceLocation.of(file) : location(node.valueLine, node.valueColumn);
    }

    /**
     * The node at {@code pointer}; when it was not written, null, or with {@code nearest} the
     * deepest written node on the way (every ancestor of a written value was written too).
     */
    private Node find(String pointer, boolean nearest) {
        if (root == null || !(pointer.isEmpty() || pointer.charAt(0) == '/')) {
            return null;
        }
        Node n = root;
        int start = 1;
        while (start <= pointer.length()) {
            int end = pointer.indexOf('/', start);
            if (end < 0) {
                end = pointer.length();
            }
            Node child = n.children == null ? null
                    : n.children.get(pointer.substring(start, end));
            if (child == null) {
                return nearest ? n : null;
            }
            n = child;
            start = end + 1;
        }
        return n;
    }

    private SourceLocation keyOf(Node n) {
        return location(n.keyLine, n.keyColumn);
    }

    private SourceLocation location(int line, int column) {
        return line <= 0 ? SourceLocation.of(file) : new SourceLocation(file, line, column);
    }
}
