package dev.egressguard.core.template;

import dev.egressguard.core.source.JsonPointers;

import java.util.Map;

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
        private Map<String, Node> children;

        Node member(String key) {
            return child(JsonPointers.escape(key));
        }

        Node element(int index) {
            return child(Integer.toString(index));
        }

        /** Records that this part of the body came from {@code written}. */
        void from(SourceMap.Node written) {
            source = written;
        }

        private Node child(String segment) {
            if (children == null) {
                children = JsonPointer.segmentMap();
            }
            Node child = children.get(segment);
            if (child == null) {
                child = new Node();
                children.put(segment, child);
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

    /** The source of {@code bodyPointer} or of its nearest recorded ancestor, or null. */
    SourceMap.Node sourceOf(String bodyPointer) {
        if (!bodyPointer.isEmpty() && bodyPointer.charAt(0) != '/') {
            return null;
        }
        Node n = root;
        SourceMap.Node found = root.source;
        int start = 1;
        while (start <= bodyPointer.length() && n.children != null) {
            int end = bodyPointer.indexOf('/', start);
            end = end < 0 ? bodyPointer.length() : end;
            n = n.children.get(bodyPointer.substring(start, end));
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
}
