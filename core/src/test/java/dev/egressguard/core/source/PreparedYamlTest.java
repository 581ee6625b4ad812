package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedYamlTest {

    /** YAML a rule file may hold, in every style the composer keeps apart. */
    private static final String TRICKY = """
            # a comment before the document
            ---
            plain: text   # a comment after a value
            single: 'it''s'
            double: "tab\\there \\u00e9 \\"q\\""
            literal: |
              two
                indented
              lines
            folded: >-
              folded
              into one
            keep: |+
              kept

            empty:
            tilde: ~
            number: 12
            float: 1.5e3
            yes: no
            bool: true
            date: !!timestamp 2027-01-31
            explicit: !!str 12
            flow: [a, {b: c}, 'd']
            shared: &list
              - &item x
              - y
            again: *list
            item: *item
            multibyte: "é😀x"
            ? complex key
            : value
            merge: {<<: {a: 1}}
            multi-line plain: this text
              goes on
            """;

    @ParameterizedTest
    @ValueSource(strings = {TRICKY, "", "# only a comment\n", "just a scalar", "- a\r\n- b\r\n", "a: 1\n...\n", "[1, 2]"})
    void theRebuiltTreeIsTheComposedOneNodeForNode(String yaml) {
        byte[] text = yaml.getBytes(StandardCharsets.UTF_8);
        Node composed = SafeYamlReader.compose(yaml).root();

        SafeYamlReader.Composed rebuilt = PreparedYaml.read(PreparedYaml.write(text, composed), text).orElseThrow();

        assertThat(rebuilt.failure()).isNull();
        assertThat(describe(rebuilt.root())).isEqualTo(describe(composed));
    }

    @Test
    void theTrickyTextHoldsWhatTheTestClaims() {
        String tree = describe(SafeYamlReader.compose(TRICKY).root());

        assertThat(tree).contains("SINGLE_QUOTED", "DOUBLE_QUOTED", "LITERAL", "FOLDED", "FLOW", "&list", "&item",
                "alias of #", "resolved=false", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "merged=true",
                "é😀x");
    }

    @Test
    void anAliasIsTheSameNodeAgain() {
        String yaml = "a: &x {k: v}\nb: *x\n";
        byte[] text = yaml.getBytes(StandardCharsets.UTF_8);

        MappingNode root = (MappingNode) PreparedYaml.read(PreparedYaml.write(text, SafeYamlReader.compose(yaml).root()), text)
                .orElseThrow().root();

        assertThat(root.getValue().get(1).getValueNode()).isSameAs(root.getValue().get(0).getValueNode());
    }

    @Test
    void anotherTextGetsNoTree() {
        byte[] text = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] prepared = PreparedYaml.write(text, SafeYamlReader.compose("a: 1\n").root());

        assertThat(PreparedYaml.read(prepared, "a: 2\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PreparedYaml.read(prepared, "a: 1\n\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PreparedYaml.read(prepared, new byte[0])).isEmpty();
        assertThat(PreparedYaml.read(prepared, text)).isPresent();
    }

    @Test
    void aTagOutsidePlainYamlIsNotPrepared() {
        String yaml = "a: !custom x\n";

        assertThatThrownBy(() -> PreparedYaml.write(yaml.getBytes(StandardCharsets.UTF_8), SafeYamlReader.compose(yaml).root()))
                .isInstanceOf(PreparedYaml.Unpreparable.class)
                .hasMessageContaining("!custom");
    }

    @Test
    void aLoneSurrogateIsNotPrepared() {
        String yaml = "a: \"\\ud800\"\n";
        assertThat(((ScalarNode) ((MappingNode) SafeYamlReader.compose(yaml).root()).getValue().get(0).getValueNode()).getValue())
                .isEqualTo("\ud800");

        assertThatThrownBy(() -> PreparedYaml.write(yaml.getBytes(StandardCharsets.UTF_8), SafeYamlReader.compose(yaml).root()))
                .isInstanceOf(PreparedYaml.Unpreparable.class)
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void aDamagedOrTruncatedFormGetsNoTree() {
        byte[] text = TRICKY.getBytes(StandardCharsets.UTF_8);
        byte[] prepared = PreparedYaml.write(text, SafeYamlReader.compose(TRICKY).root());

        for (int length = 0; length < prepared.length; length++) {
            assertThat(PreparedYaml.read(java.util.Arrays.copyOf(prepared, length), text)).as("cut at %d", length).isEmpty();
        }
        for (int i = 0; i < prepared.length; i++) {
            byte[] flipped = prepared.clone();
            flipped[i] ^= 0x10;
            assertThat(PreparedYaml.read(flipped, text)).as("byte %d flipped", i).isEmpty();
        }
    }

    /**
     * Past the CRC too (a damage whose sum is made right again), reading stays bounded: every
     * count, number and kind is checked, so each such form is refused as damaged or read as some
     * tree, and never fails otherwise (no index out of bounds, no huge array).
     */
    @Test
    void aDamagedFormWithARightSumIsStillReadSafely() {
        byte[] text = TRICKY.getBytes(StandardCharsets.UTF_8);
        byte[] prepared = PreparedYaml.write(text, SafeYamlReader.compose(TRICKY).root());
        int damagedAsSuch = 0;
        for (int i = 9 + 2 + text.length; i < prepared.length; i++) {
            for (int value : new int[] {0x00, 0x05, 0x7f, 0x80, 0xff}) {
                byte[] changed = prepared.clone();
                changed[i] = (byte) value;
                try {
                    PreparedYaml.decode(resum(changed), text);
                } catch (PreparedYaml.Damaged e) {
                    damagedAsSuch++;
                }
            }
        }
        assertThat(damagedAsSuch).isPositive();
    }

    @Test
    void aHugeCountIsRefusedBeforeAnythingIsAllocated() {
        byte[] text = new byte[0];
        byte[] prepared = PreparedYaml.write(text, null);
        // Text length 0, then the string count: made 2^31 - 1.
        byte[] huge = new byte[prepared.length + 4];
        System.arraycopy(prepared, 0, huge, 0, 10);
        huge[10] = (byte) 0xff;
        huge[11] = (byte) 0xff;
        huge[12] = (byte) 0xff;
        huge[13] = (byte) 0xff;
        huge[14] = 0x07;
        System.arraycopy(prepared, 11, huge, 15, prepared.length - 11);

        assertThatThrownBy(() -> PreparedYaml.decode(resum(huge), text))
                .isInstanceOf(PreparedYaml.Damaged.class)
                .hasMessageContaining("strings: 2147483647, more than the");
    }

    @Test
    void anotherVersionOrFileIsRefusedPlainly() {
        byte[] prepared = PreparedYaml.write(new byte[0], null);
        prepared[4] = 9;

        assertThatThrownBy(() -> PreparedYaml.decode(prepared, new byte[0])).hasMessage("version 9, not 1");
        assertThatThrownBy(() -> PreparedYaml.decode("a: 1\n".getBytes(StandardCharsets.UTF_8), new byte[0]))
                .hasMessage("not a prepared YAML tree (no EGYN header)");
    }

    private static byte[] resum(byte[] prepared) {
        CRC32 crc = new CRC32();
        crc.update(prepared, 9, prepared.length - 9);
        int sum = (int) crc.getValue();
        prepared[5] = (byte) (sum >>> 24);
        prepared[6] = (byte) (sum >>> 16);
        prepared[7] = (byte) (sum >>> 8);
        prepared[8] = (byte) sum;
        return prepared;
    }

    /**
     * Everything a node tells, written out independently of the format: kind, tag, resolved,
     * anchor, marks, styles, values, and which nodes are one node met again.
     */
    static String describe(Node root) {
        StringBuilder out = new StringBuilder();
        describe(root, out, new IdentityHashMap<>(), 0);
        return out.toString();
    }

    private static void describe(Node node, StringBuilder out, Map<Node, Integer> seen, int depth) {
        out.append("  ".repeat(depth));
        if (node == null) {
            out.append("(none)\n");
            return;
        }
        Integer number = seen.get(node);
        if (number != null) {
            out.append("alias of #").append(number).append('\n');
            return;
        }
        seen.put(node, seen.size());
        out.append('#').append(seen.size() - 1).append(' ').append(node.getNodeId()).append(' ').append(node.getTag().getValue())
                .append(" resolved=").append(resolved(node)).append(" &").append(node.getAnchor())
                .append(' ').append(mark(node.getStartMark())).append('-').append(mark(node.getEndMark()))
                .append(" type=").append(node.getType().getName()).append(" twoSteps=").append(node.isTwoStepsConstruction());
        if (node instanceof CollectionNode<?> c) {
            out.append(' ').append(c.getFlowStyle().name());
        }
        if (node instanceof ScalarNode s) {
            out.append(' ').append(s.getScalarStyle().name()).append(" [").append(s.getValue()).append("]\n");
        } else if (node instanceof SequenceNode s) {
            out.append('\n');
            s.getValue().forEach(item -> describe(item, out, seen, depth + 1));
        } else if (node instanceof MappingNode m) {
            out.append(" merged=").append(m.isMerged()).append('\n');
            for (NodeTuple t : m.getValue()) {
                describe(t.getKeyNode(), out, seen, depth + 1);
                describe(t.getValueNode(), out, seen, depth + 1);
            }
        }
    }

    private static String mark(Mark m) {
        return m.getName() + "@" + m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
    }

    private static boolean resolved(Node node) {
        try {
            Field f = Node.class.getDeclaredField("resolved");
            f.setAccessible(true);
            return f.getBoolean(node);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
