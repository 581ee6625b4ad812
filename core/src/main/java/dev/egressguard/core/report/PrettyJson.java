package dev.egressguard.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * How the JSON-based reports (JSON, SARIF, the egress map's JSON) are written: indented, newline-terminated, writer left open,
 * every string well-formed (an unpaired surrogate from a template is U+FFFD, see {@link SafeText}).
 * The tree is walked onto a plain generator with the printer an ObjectMapper's INDENT_OUTPUT uses:
 * a mapper (or a node's own serialize, which needs one) would make every build's cold JVM load a
 * few hundred classes and spend tenths of a second for nothing.
 */
public final class PrettyJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private PrettyJson() {
    }

    public static void write(ObjectNode document, Writer out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(document, generator);
        }
        out.write("\n");
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(SafeText.wellFormed(field.getKey()));
                    write(field.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(item, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(SafeText.wellFormed(node.textValue()));
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT, LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    default -> g.writeNumber(node.doubleValue());
                }
            }
            case NULL, MISSING -> g.writeNull();
            default -> throw new IllegalArgumentException("a report holds no " + node.getNodeType() + " node");
        }
    }
}
