package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;


/**
 * Which written JSON each part of an evaluated body came from: body pointer to source node.
 * Computed parts (an expression's object result, a copied property) are absent, so lookups
 * walk up to the nearest written ancestor.
 *
 * <p>Kept as a tree shaped like the body rather than a map by pointer string: the evaluator
 * records every value it evaluates, and a finding asks for a location only now and then.
 */
final class Origins {

    /** One place in the body: where it came from, when recorded, and its children by pointer segment. */
    static final class Node {
        private SourceMap.Node source;
        private Children<Node> children;
        /**
         * The part of the body here has the shape written at {@code source}
         * ({@link SourceMap.Node#keepsShape}): every written place below it is the place of the
         * same pointer below {@code source}, and a part an expression computed has no place
         * below the expression's. Those nodes are made only when something records below this
         * one ({@link #materialize}); until then lookups walk the source map instead.
         */
        private boolean mirrorsSource;

        Node member(String key) {
            return child(JsonPointers.escape(key));
        }

        Node element(int index) {
            return child(JsonPointer.segment(index));
        }

        /** Records that this part of the body came from {@code written}. */
        void from(SourceMap.Node written) {
            materialize();
            source = written;
        }

        /**
         * Records that this part of the body has the shape written at {@code written}: the same
         * as recording every written place below it from the same place below {@code written}.
         */
        void fromWritten(SourceMap.Node written) {
            materialize();
            source = written;
            mirrorsSource = true;
            if (children != null) {
                // Places below were recorded before: record over them now, as one by one would.
                materialize();
            }
        }

        /** Makes the children a mirrored source stands for, one level down (they mirror in turn). */
        private void materialize() {
            if (!mirrorsSource) {
                return;
            }
            mirrorsSource = false;
            source.forEachChild((segment, written) -> child(segment).fromWritten(written));
        }

        private Node child(String segment) {
            materialize();
            if (children == null) {
                children = new Children<>();
            }
            Node child = children.get(segment);
            if (child == null) {
                child = new Node();
                children.putNew(segment, child);
            }
            return child;
        }
    }

    private final Node root = new Node();

    /** The node of {@code bodyPointer}, made when absent. */
    Node at(String bodyPointer) {
        Node n = root;
        int start = 1;
        while (start <= bodyPointer.length()) {
            int end = bodyPointer.indexOf('/', start);
            end = end < 0 ? bodyPointer.length() : end;
            n = n.child(bodyPointer.substring(start, end));
            start = end + 1;
        }
        return n;
    }

    void put(String bodyPointer, SourceMap.Node source) {
        at(bodyPointer).from(source);
    }

    /** The source of {@code bodyPointer} or of its nearest recorded ancestor, or null. Reads only. */
    SourceMap.Node sourceOf(String bodyPointer) {
        if (!bodyPointer.isEmpty() && bodyPointer.charAt(0) != '/') {
            return null;
        }
        Node n = root;
        SourceMap.Node found = root.source;
        int start = 1;
        while (start <= bodyPointer.length()) {
            if (n.mirrorsSource) {
                return mirrored(n.source, bodyPointer, start);
            }
            if (n.children == null) {
                break;
            }
            int end = bodyPointer.indexOf('/', start);
            end = end < 0 ? bodyPointer.length() : end;
            n = n.children.get(bodyPointer, start, end);
            if (n == null) {
                break;
            }
            if (n.source != null) {
                found = n.source;
            }
            start = end + 1;
        }
        return found;
    }

    /** The deepest place below {@code written} along the rest of the pointer from {@code start}. */
    private static SourceMap.Node mirrored(SourceMap.Node written, String bodyPointer, int start) {
        SourceMap.Node found = written;
        while (start <= bodyPointer.length()) {
            int end = bodyPointer.indexOf('/', start);
            end = end < 0 ? bodyPointer.length() : end;
            SourceMap.Node child = found.child(bodyPointer, start, end);
            if (child == null) {
                break;
            }
            found = child;
            start = end + 1;
        }
        return found;
    }
}
