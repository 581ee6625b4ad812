package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.Tag;

import static org.assertj.core.api.Assertions.assertThat;

class SafeYamlReaderTest {

    @Test
    void composesNodesAsYaml12WithEveryTagInTheTree() {
        SafeYamlReader.Composed c = SafeYamlReader.compose("a: no\nb: !!javax.script.ScriptEngineManager []\nc: 2027-01-31\n");

        assertThat(c.failure()).isNull();
        MappingNode map = (MappingNode) c.root();
        NodeTuple a = map.getValue().get(0);
        NodeTuple b = map.getValue().get(1);
        Node date = map.getValue().get(2).getValueNode();
        assertThat(a.getValueNode().getTag()).isEqualTo(Tag.STR);
        assertThat(SafeYamlReader.isPlain(a.getValueNode())).isTrue();
        assertThat(SafeYamlReader.isPlain(b.getValueNode())).isFalse();
        assertThat(SafeYamlReader.shortTag(b.getValueNode().getTag())).isEqualTo("!!javax.script.ScriptEngineManager");
        assertThat(SafeYamlReader.isPlain(date)).isTrue();
        assertThat(date.getTag()).isEqualTo(Tag.STR);
    }

    @Test
    void anEmptyTextHasNoRoot() {
        assertThat(SafeYamlReader.compose("")).isEqualTo(new SafeYamlReader.Composed(null, null));
    }

    @Test
    void aSyntaxErrorIsPlacedWhereSnakeYamlSaysIt() {
        SafeYamlReader.Failure f = SafeYamlReader.compose("a: [x\nb: y\n").failure();

        assertThat(f.refusal()).isEqualTo(SafeYamlReader.Refusal.SYNTAX);
        assertThat(f.placed()).isTrue();
        assertThat(f.mark()).isNotNull();
        assertThat(f.detail()).isNotBlank();
    }

    @Test
    void aliasesAndNestingAreLimitedAndPlacedAtTheLastEventRead() {
        StringBuilder aliases = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= SafeYamlReader.MAX_ALIASES; i++) {
            aliases.append(i == 0 ? "" : ", ").append("*a");
        }
        SafeYamlReader.Failure tooMany = SafeYamlReader.compose(aliases.append("]\n").toString()).failure();
        assertThat(tooMany.refusal()).isEqualTo(SafeYamlReader.Refusal.ALIASES);
        assertThat(tooMany.placed()).isFalse();
        assertThat(tooMany.mark()).isNotNull();

        String deep = "[".repeat(2 * SafeYamlReader.MAX_NESTING) + "]".repeat(2 * SafeYamlReader.MAX_NESTING);
        assertThat(SafeYamlReader.compose(deep).failure().refusal()).isEqualTo(SafeYamlReader.Refusal.NESTING);
        String fine = "[".repeat(SafeYamlReader.MAX_NESTING - 1) + "]".repeat(SafeYamlReader.MAX_NESTING - 1);
        assertThat(SafeYamlReader.compose(fine).failure()).isNull();
    }

    @Test
    void aTagSnakeYamlCannotRepresentIsASyntaxErrorWithoutAPlace() {
        SafeYamlReader.Failure f = SafeYamlReader.compose("!%2").failure();

        assertThat(f.refusal()).isEqualTo(SafeYamlReader.Refusal.SYNTAX);
        assertThat(f.placed()).isFalse();
        assertThat(f.detail()).isEqualTo("Tag must not contain leading or trailing spaces.");
    }
}
