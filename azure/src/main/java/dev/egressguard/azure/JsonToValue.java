package dev.egressguard.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the JSON of a live ARM response into the core's {@link Value}, key for key: nothing is
 * dropped or renamed, so properties newer than any SDK model still reach the rules. Read by the
 * core's JSON reader ({@link JsonText#read(JsonParser)}), with its limits: a number beyond
 * {@link JsonText#MAX_EXPONENT} is refused as it is in a template.
 */
final class JsonToValue {

    private JsonToValue() {
    }

    /** @throws IllegalArgumentException when the JSON holds what the core's reader refuses */
    static Value convert(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Value.Null.INSTANCE;
        }
        try (JsonParser p = node.traverse()) {
            return JsonText.read(p);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // walking a tree in memory does no I/O
        }
    }

    /** An object node as {@link Value.Obj}; any other node as an empty object. */
    static Value.Obj object(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Value.Obj.EMPTY;
        }
        return (Value.Obj) convert(node);
    }
}
