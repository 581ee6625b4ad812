package dev.egressguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

/** How the JSON-based reports (JSON, SARIF) are written: indented, newline-terminated, writer left open. */
final class PrettyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PrettyJson() {
    }

    static void write(ObjectNode document, Writer out) throws IOException {
        MAPPER.writeValue(out, document);
        out.write("\n");
    }
}
