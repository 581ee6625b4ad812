package dev.egressguard.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;

/** A rule file as JSON, read the way the loader reads it (YAML 1.2 booleans), for schema validation. */
final class YamlJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private YamlJson() {
    }

    static JsonNode read(String text) {
        SafeYaml.Document doc = SafeYaml.read("schema-check.yaml", text);
        if (!doc.ok()) {
            throw new IllegalArgumentException(doc.errors().toString());
        }
        return convert(doc.root());
    }

    private static JsonNode convert(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), convert(t.getValueNode()));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            s.getValue().forEach(n -> a.add(convert(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (Tag.BOOL.equals(tag)) {
            return F.booleanNode(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.INT.equals(tag)) {
            return F.numberNode(new java.math.BigInteger(s.getValue().replace("_", "")));
        }
        if (Tag.FLOAT.equals(tag)) {
            return F.numberNode(new BigDecimal(s.getValue()));
        }
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        return F.textNode(s.getValue());
    }
}
