package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON of a live ARM response into the core's {@link Value}, key for key: nothing is
 * dropped or renamed, so properties newer than any SDK model still reach the rules.
 */
final class JsonToValue {

    private JsonToValue() {
    }

    static Value convert(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Value.Null.INSTANCE;
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(convert(item));
            }
            return new Value.Arr(items);
        }
        if (node.isTextual()) {
            return new Value.Str(node.textValue());
        }
        if (node.isBoolean()) {
            return Value.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? new Value.Int(node.longValue()) : new Value.Num(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return new Value.Num(node.decimalValue());
        }
        // Binary or POJO nodes never come out of a parser; keep their text rather than guess.
        return new Value.Str(node.asText());
    }

    /** An object node as {@link Value.Obj}; any other node as an empty object. */
    static Value.Obj object(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Value.Obj.EMPTY;
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), convert(e.getValue()));
        }
        return new Value.Obj(fields);
    }
}
