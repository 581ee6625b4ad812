package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;

import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.Value;

import java.util.function.BiConsumer;

/**
 * Where every key and value of a loaded JSON file was written, by JSON pointer. For an object
 * member the "key" location is the property name and the "value" location its value; for an
 * array element both are the element. Lookups ignore case because ARM keys do.
 *
 * <p>Positions are kept in a tree shaped like the JSON (one small node per value, children by
 * pointer segment in {@link Children}), not by pointer string: a template has a value every few
 * bytes, and a full pointer string per value was a large part of loading it. A pointer is
 * walked segment by segment in place when a location is asked for.
 */
final class SourceMap {

    /** Where one value was written; children by escaped, lower-cased pointer segment. */
    static final class Node {
        private final int keyLine;
        private final int keyColumn;
        private final int valueLine;
        private final int valueColumn;
        private Children<Node> children;
        /**
         * The object or array written here, what the flags below are about; or the string written
         * here, as a {@link ParsedExpression} once its expression is parsed; null for any other value.
         */
        private Object writtenValue;
        /**
         * Nothing in {@link #writtenValue} is evaluated (no expression, no {@code [[} escape, no
         * {@code copy}): evaluating it gives an equal value, so the evaluator hands this one on
         * instead of rebuilding it.
         */
        private boolean verbatim;
        /** No object in {@link #writtenValue}, itself included, has a {@code copy} member. */
        private boolean copyFree;

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

        /**
         * {@link #member} for a member whose pointer segment ({@code segment}, the key escaped)
         * {@link #written} found in no casing: added without looking for it once more.
         */
        Node newMember(String segment, int keyLine, int keyColumn, int valueLine, int valueColumn) {
            if (children == null) {
                children = new Children<>();
            }
            Node child = new Node(keyLine, keyColumn, valueLine, valueColumn);
            children.putNew(segment, child);
            return child;
        }

        /** Records element {@code index} of this array, which starts at the position given. */
        Node element(int index, int line, int column) {
            return add(JsonPointer.segment(index), new Node(line, column, line, column));
        }

        /** The member {@code key} of this object, or this node when it has none (the nearest written place). */
        Node memberOrSelf(String key) {
            if (children == null) {
                return this;
            }
            // The key of a written object is the very string its segment was made from when it
            // needs no escaping: found by identity without looking for '~' and '/' in it.
            Node child = children.identical(key);
            if (child == null) {
                child = children.get(JsonPointers.escape(key));
            }
            return child == null ? this : child;
        }

        /** The member {@code key} (in any casing) recorded so far, or null. */
        Node written(String key) {
            return writtenSegment(JsonPointers.escape(key));
        }

        /** The member at pointer segment {@code segment} (escaped, in any casing) recorded so far, or null. */
        Node writtenSegment(String segment) {
            return children == null ? null : children.get(segment);
        }

        /** Records the string {@code value} read here, so that its expression can be kept here once parsed. */
        void wroteString(Value.Str value) {
            this.writtenValue = value;
        }

        /**
         * The parsed expression of {@code text}, when it is the very string written here and was
         * parsed here before; else null. Every copy of a resource, and every nested deployment of
         * a shared module, evaluates the same written strings: the parse is found here by identity,
         * not by hashing and comparing the whole text in the process-wide cache each time.
         */
        Expr parsedExpression(Value.Str text) {
            return writtenValue instanceof ParsedExpression p && p.text() == text ? p.expr() : null;
        }

        /**
         * Keeps {@code expr}, parsed from {@code text}, when that is the string written here.
         * Nodes of a shared file are read by several threads: a thread that does not see the
         * record yet parses once more, and the record is immutable, so it is safe to publish so.
         */
        void keepParsed(Value.Str text, Expr expr) {
            if (writtenValue == text) {
                writtenValue = new ParsedExpression(text, expr);
            }
        }

        int keyLine() {
            return keyLine;
        }

        /** Records the object or array {@code value} read here, and what is in it (see {@link #isVerbatim}). */
        void wrote(Value value, boolean verbatim, boolean copyFree) {
            this.writtenValue = value;
            this.verbatim = verbatim;
            this.copyFree = copyFree;
        }

        /**
         * Whether {@code value} is the very object or array written here and it evaluates to
         * itself. Identity, not equality: a computed value that happens to be equal was not written here.
         */
        boolean isVerbatim(Value value) {
            return verbatim && writtenValue == value;
        }

        /**
         * Whether {@code value} is the very object or array written here and no object in it has
         * a {@code copy} member: evaluated, every part of it written as an object, array or
         * value stays where it was written (only strings become what they evaluate to).
         */
        boolean keepsShape(Value value) {
            return copyFree && writtenValue == value;
        }

        /** The child at the pointer segment {@code segment} (escaped), or null. */
        Node child(String segment) {
            return children == null ? null : children.get(segment);
        }

        /** The child at the pointer segment {@code pointer[start, end)} (escaped), or null. */
        Node child(String pointer, int start, int end) {
            return children == null ? null : children.get(pointer, start, end);
        }

        /** Every child by pointer segment, in no promised order. */
        void forEachChild(BiConsumer<String, Node> action) {
            if (children != null) {
                children.forEach(action);
            }
        }

        /** Element {@code index} of this array, or this node when it has none. */
        Node elementOrSelf(int index) {
            Node child = children == null ? null : children.get(JsonPointer.segment(index));
            return child == null ? this : child;
        }

        private Node add(String segment, Node child) {
            if (children == null) {
                children = new Children<>();
            }
            children.put(segment, child);
            return child;
        }
    }

    /** A string written in the file, and its expression as parsed. */
    private record ParsedExpression(Value.Str text, Expr expr) {
    }

    /**
     * Where a pointer leads, as {@link #node(String)} finds it: the node, and whether the whole
     * pointer was written. One segment deeper answers as the pointer with that segment would,
     * without building and walking the longer pointer (a resource's name, type, count, ... of
     * every copy of every declaration).
     */
    record Place(Node node, boolean written) {

        /** The place of the member {@code key} below this one. */
        Place member(String key) {
            if (!written) {
                return this;
            }
            Node child = node.child(JsonPointers.escape(key));
            return child == null ? new Place(node, false) : new Place(child, true);
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

    /** The place {@code pointer} leads to. */
    Place place(String pointer) {
        Node exact = find(pointer, false);
        return exact != null ? new Place(exact, true) : new Place(find(pointer, true), false);
    }

    /** Where the member at {@code place} was written (its key), as {@link #locate(String)} of its pointer. */
    SourceLocation locate(Place place) {
        return place.written() ? keyOf(place.node()) : SourceLocation.of(file);
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
            Node child = n.children == null ? null : n.children.get(pointer, start, end);
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
