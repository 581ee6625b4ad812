package dev.egressguard.core.source;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A YAML text's composed node tree, written at build time so that a run can rebuild it without
 * SnakeYAML's scanner, parser and composer, which a cold JVM runs slowly (the built-in rule pack:
 * some 50 ms). The tree is the one {@link SafeYamlReader#compose} gives, node for node: kinds,
 * tags, values, scalar and flow styles, anchors, {@code resolved}, start and end marks (index, line,
 * column), and shared nodes (aliases) shared again; only the marks' snippet buffers are left out, as
 * nothing reads a snippet of a tree that composed. The checks of {@link SafeYamlReader#check} still
 * run on the rebuilt tree, so every diagnostic is the one the text gives.
 *
 * <p>The prepared form holds the exact bytes of the text it was made from: {@link #read} gives a tree
 * only for that text and only when the whole prepared form is intact (a CRC-32 over it), so a
 * prepared file left from an older text, or damaged, is never used: the caller composes the text.
 *
 * <p>Format, after the magic {@code EGYN}, a version byte and the CRC-32 of the rest (integers are
 * unsigned LEB128): the text's length and bytes; the number of strings and each as length and UTF-8
 * bytes; the mark name (a string); the number of nodes; then the root, 0 for an empty document,
 * else a node: {@code kind (1 scalar, 2 sequence, 3 mapping, 4 alias), …}. An alias holds the
 * number of the node it repeats (nodes are numbered as first written); a node holds its tag, a flag
 * byte (1 resolved, 2 anchored, 4 merged), the anchor, the start and end mark, then a scalar its style and
 * value, a sequence its flow style, size and items, a mapping its flow style, size and keys and values.
 */
public final class PreparedYaml {

    private static final byte[] MAGIC = {'E', 'G', 'Y', 'N'};
    private static final int VERSION = 1;
    private static final int HEADER = MAGIC.length + 1 + 4;
    private static final int SCALAR = 1;
    private static final int SEQUENCE = 2;
    private static final int MAPPING = 3;
    private static final int ALIAS = 4;
    private static final int RESOLVED = 1;
    private static final int ANCHORED = 2;
    /** A mapping with a merge key ({@code <<}): the composer marks it so even with merging off. */
    private static final int MERGED = 4;

    /**
     * The tags a composed tree of plain YAML holds: those SnakeYAML's resolver gives and explicit
     * standard ones. Only these are written, as their number here, so that reading never builds a
     * {@link Tag} from text (its constructor escapes the text again).
     */
    private static final List<Tag> TAGS = List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP,
            Tag.MERGE, Tag.TIMESTAMP, Tag.BINARY, Tag.SET, Tag.OMAP, Tag.PAIRS);
    /** The styles the composer gives, by number. */
    private static final List<ScalarStyle> SCALAR_STYLES = List.of(ScalarStyle.PLAIN, ScalarStyle.SINGLE_QUOTED,
            ScalarStyle.DOUBLE_QUOTED, ScalarStyle.LITERAL, ScalarStyle.FOLDED);
    private static final List<FlowStyle> FLOW_STYLES = List.of(FlowStyle.BLOCK, FlowStyle.FLOW, FlowStyle.AUTO);

    private PreparedYaml() {
    }

    /** A tree that cannot be written: a tag or style outside the fixed tables. */
    public static final class Unpreparable extends RuntimeException {
        Unpreparable(String message) {
            super(message);
        }
    }

    /** A prepared form that is not what {@link #write} wrote. */
    static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }

    /**
     * The prepared form of {@code root} (as {@link SafeYamlReader#compose} gave it for {@code text},
     * {@code null} for an empty document).
     *
     * @throws Unpreparable for a tag, style, mark or text the format does not hold
     */
    public static byte[] write(byte[] text, Node root) {
        Writer w = new Writer();
        if (root != null) {
            w.node(root);
        } else {
            w.nodes.write(0);
        }
        int markName = w.string(w.markName == null ? "" : w.markName);
        Bytes body = new Bytes();
        body.unsigned(text.length);
        body.writeBytes(text);
        body.unsigned(w.strings.size());
        for (String s : w.strings.keySet()) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (!new String(utf8, StandardCharsets.UTF_8).equals(s)) {
                // A quoted scalar may escape a lone surrogate (backslash u d800), which UTF-8 cannot write.
                throw new Unpreparable("a text UTF-8 cannot hold (a lone surrogate)");
            }
            body.unsigned(utf8.length);
            body.writeBytes(utf8);
        }
        body.unsigned(markName);
        body.unsigned(w.numbers.size());
        body.writeBytes(w.nodes.toByteArray());
        byte[] rest = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(rest);
        Bytes out = new Bytes();
        out.writeBytes(MAGIC);
        out.write(VERSION);
        int sum = (int) crc.getValue();
        out.write(sum >>> 24);
        out.write(sum >>> 16);
        out.write(sum >>> 8);
        out.write(sum);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    /**
     * The tree prepared from exactly {@code text}, as {@link SafeYamlReader#compose} composes it;
     * empty when {@code prepared} was made from another text, is of another version or is damaged.
     */
    public static Optional<SafeYamlReader.Composed> read(byte[] prepared, byte[] text) {
        try {
            return Optional.ofNullable(decode(prepared, text));
        } catch (Damaged e) {
            return Optional.empty();
        }
    }

    /** The tree, {@code null} for another text. */
    static SafeYamlReader.Composed decode(byte[] prepared, byte[] text) {
        if (prepared.length < HEADER || !Arrays.equals(prepared, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Damaged("not a prepared YAML tree (no EGYN header)");
        }
        if (prepared[MAGIC.length] != VERSION) {
            throw new Damaged("version " + prepared[MAGIC.length] + ", not " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(prepared, HEADER, prepared.length - HEADER);
        int stored = ((prepared[5] & 0xff) << 24) | ((prepared[6] & 0xff) << 16) | ((prepared[7] & 0xff) << 8) | (prepared[8] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new Damaged("its CRC-32 does not match: the file is damaged");
        }
        Reader r = new Reader(prepared, HEADER);
        int length = r.count("the text");
        if (length != text.length || !Arrays.equals(prepared, r.at, r.at + length, text, 0, length)) {
            return null;
        }
        r.at += length;
        return new SafeYamlReader.Composed(r.tree(), null);
    }

    /** Numbers each string and node as it first meets it. */
    private static final class Writer {
        final Map<String, Integer> strings = new LinkedHashMap<>();
        final Map<Node, Integer> numbers = new IdentityHashMap<>();
        final Bytes nodes = new Bytes();
        String markName;

        int string(String s) {
            return strings.computeIfAbsent(s, k -> strings.size());
        }

        void node(Node node) {
            Integer seen = numbers.get(node);
            if (seen != null) {
                nodes.write(ALIAS);
                nodes.unsigned(seen);
                return;
            }
            numbers.put(node, numbers.size());
            nodes.write(node instanceof ScalarNode ? SCALAR : node instanceof SequenceNode ? SEQUENCE : MAPPING);
            nodes.unsigned(code(TAGS, node.getTag(), "tag"));
            nodes.write((isResolved(node) ? RESOLVED : 0) | (node.getAnchor() != null ? ANCHORED : 0)
                    | (node instanceof MappingNode m && m.isMerged() ? MERGED : 0));
            if (node.getAnchor() != null) {
                nodes.unsigned(string(node.getAnchor()));
            }
            mark(node.getStartMark());
            mark(node.getEndMark());
            if (node instanceof ScalarNode s) {
                nodes.unsigned(code(SCALAR_STYLES, s.getScalarStyle(), "scalar style"));
                nodes.unsigned(string(s.getValue()));
            } else if (node instanceof SequenceNode s) {
                nodes.unsigned(code(FLOW_STYLES, s.getFlowStyle(), "flow style"));
                nodes.unsigned(s.getValue().size());
                s.getValue().forEach(this::node);
            } else if (node instanceof MappingNode m) {
                nodes.unsigned(code(FLOW_STYLES, m.getFlowStyle(), "flow style"));
                nodes.unsigned(m.getValue().size());
                for (NodeTuple t : m.getValue()) {
                    node(t.getKeyNode());
                    node(t.getValueNode());
                }
            } else {
                throw new Unpreparable("a node of kind " + node.getNodeId());
            }
        }

        private void mark(Mark mark) {
            if (mark == null) {
                throw new Unpreparable("a node without a mark");
            }
            if (markName == null) {
                markName = mark.getName();
            } else if (!markName.equals(mark.getName())) {
                throw new Unpreparable("marks of two names: " + markName + ", " + mark.getName());
            }
            nodes.unsigned(mark.getIndex());
            nodes.unsigned(mark.getLine());
            nodes.unsigned(mark.getColumn());
        }

        private static <T> int code(List<T> table, T value, String what) {
            int n = table.indexOf(value);
            if (n < 0) {
                throw new Unpreparable("the " + what + " " + value + " is not one of plain YAML's");
            }
            return n;
        }
    }

    /**
     * {@code resolved} (the resolver gave the tag: the text wrote none) is a protected field of
     * SnakeYAML's node without a getter; the writer reads it by reflection, at build time only, and
     * fails plainly should a SnakeYAML version rename it.
     */
    private static boolean isResolved(Node node) {
        try {
            Field resolved = Node.class.getDeclaredField("resolved");
            resolved.setAccessible(true);
            return resolved.getBoolean(node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Unpreparable("cannot read a node's 'resolved' flag: " + e);
        }
    }

    /** The byte buffer of the writer, with LEB128 integers. */
    private static final class Bytes extends ByteArrayOutputStream {
        void unsigned(int n) {
            if (n < 0) {
                throw new Unpreparable("a negative number " + n);
            }
            while (n >= 0x80) {
                write((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            write(n);
        }
    }

    /** Reads the prepared form, every count checked against the bytes left, every number against its table. */
    private static final class Reader {
        private final byte[] in;
        int at;
        private String[] strings;
        private Node[] nodes;
        private int nodeCount;
        private String markName;

        Reader(byte[] in, int at) {
            this.in = in;
            this.at = at;
        }

        Node tree() {
            int stringCount = count("strings");
            strings = new String[stringCount];
            for (int i = 0; i < stringCount; i++) {
                int length = count("string " + i);
                strings[i] = new String(in, at, length, StandardCharsets.UTF_8);
                at += length;
            }
            markName = strings[index(strings.length, "the mark name")];
            nodes = new Node[count("nodes")];
            Node root = peek() == 0 ? skipEmpty() : node(0);
            if (at != in.length) {
                throw new Damaged((in.length - at) + " bytes after the tree");
            }
            if (nodeCount != nodes.length) {
                throw new Damaged(nodeCount + " nodes, the header says " + nodes.length);
            }
            return root;
        }

        private Node skipEmpty() {
            at++;
            return null;
        }

        private Node node(int depth) {
            if (depth > SafeYamlReader.MAX_NESTING + 1) {
                throw new Damaged("nested deeper than the reader allows");
            }
            int kind = next();
            if (kind == ALIAS) {
                return nodes[index(nodeCount, "an alias")];
            }
            if (kind != SCALAR && kind != SEQUENCE && kind != MAPPING) {
                throw new Damaged("node kind " + kind + " at byte " + (at - 1));
            }
            if (nodeCount == nodes.length) {
                throw new Damaged("more nodes than the header says");
            }
            int number = nodeCount++;
            Tag tag = TAGS.get(index(TAGS.size(), "a tag"));
            int flags = next();
            if ((flags & ~(RESOLVED | ANCHORED | MERGED)) != 0 || (flags & MERGED) != 0 && kind != MAPPING) {
                throw new Damaged("node flags " + flags);
            }
            String anchor = (flags & ANCHORED) != 0 ? strings[index(strings.length, "an anchor")] : null;
            boolean resolved = (flags & RESOLVED) != 0;
            Mark start = mark();
            Mark end = mark();
            Node node;
            if (kind == SCALAR) {
                ScalarStyle style = SCALAR_STYLES.get(index(SCALAR_STYLES.size(), "a scalar style"));
                node = new ScalarNode(tag, resolved, strings[index(strings.length, "a value")], start, end, style);
                nodes[number] = node;
            } else {
                FlowStyle flow = FLOW_STYLES.get(index(FLOW_STYLES.size(), "a flow style"));
                // Each item takes a byte at least, so the size is checked against the bytes left.
                int size = count("items");
                if (kind == SEQUENCE) {
                    List<Node> items = new ArrayList<>(size);
                    node = new SequenceNode(tag, resolved, items, start, end, flow);
                    nodes[number] = node;
                    for (int i = 0; i < size; i++) {
                        items.add(node(depth + 1));
                    }
                } else {
                    List<NodeTuple> entries = new ArrayList<>(size);
                    MappingNode mapping = new MappingNode(tag, resolved, entries, start, end, flow);
                    mapping.setMerged((flags & MERGED) != 0);
                    node = mapping;
                    nodes[number] = node;
                    for (int i = 0; i < size; i++) {
                        Node key = node(depth + 1);
                        entries.add(new NodeTuple(key, node(depth + 1)));
                    }
                }
            }
            node.setAnchor(anchor);
            return node;
        }

        private Mark mark() {
            int index = number("a mark index");
            int line = number("a mark line");
            int column = number("a mark column");
            return new Mark(markName, index, line, column, NO_SNIPPET, 0);
        }

        private int peek() {
            if (at >= in.length) {
                throw new Damaged("it ends before the tree");
            }
            return in[at] & 0xff;
        }

        private int next() {
            int b = peek();
            at++;
            return b;
        }

        /** A number below {@code limit}. */
        private int index(int limit, String what) {
            int n = number(what);
            if (n >= limit) {
                throw new Damaged(what + " numbered " + n + ", beyond the " + limit + " there are");
            }
            return n;
        }

        /** A count of things of a byte or more each: no more than there are bytes left. */
        int count(String what) {
            int n = number(what);
            if (n > in.length - at) {
                throw new Damaged(what + ": " + n + ", more than the " + (in.length - at) + " bytes left");
            }
            return n;
        }

        private int number(String what) {
            int n = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int b = next();
                n |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    if (n < 0) {
                        throw new Damaged(what + " out of range");
                    }
                    return n;
                }
            }
            throw new Damaged(what + " runs past five bytes");
        }
    }

    /** Marks keep no text: a snippet of a rebuilt tree is empty. */
    private static final int[] NO_SNIPPET = new int[0];
}
