package dev.egressguard.core.rule;

import dev.egressguard.core.expression.SymbolParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built resources for tests: an id, a JSON body, and a provenance that places every
 * property pointer on its own line. In the body, {@code "<unknown:reason>"} stands for a
 * Value.Unknown, {@code "<symbol:text>"} for a symbolic one whose symbol is
 * {@code SymbolParser.parse(text)} (a term's quotes written as backquotes: {@code [parameters(`v`)]}),
 * and an {@code "<open>": "reason"} key makes its object open.
 */
public final class Resources {

    public static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Resources() {
    }

    /** {@code id} relative to the resource group, e.g. {@code Microsoft.Network/virtualNetworks/vnet}. */
    public static String id(String relative) {
        return SUB + relative;
    }

    public static Resource resource(String relativeId, String json) {
        ResourceId id = ResourceId.parse(id(relativeId.replace('`', '\''))).orElseThrow();
        Value.Obj body = (Value.Obj) value(json.replace('\'', '"'));
        Map<String, SourceLocation> lines = new LinkedHashMap<>();
        collectPointers(body, "", lines);
        Provenance provenance = Provenance.template(new SourceLocation("main.json", 1, 1),
                pointer -> lines.getOrDefault(pointer, SourceLocation.NONE));
        return new Resource(id, id.type(), id.name(), "2024-01-01", body, provenance);
    }

    /** Every pointer of the body, numbered in document order from line 2, so tests can name the line. */
    private static void collectPointers(Value v, String pointer, Map<String, SourceLocation> out) {
        if (!pointer.isEmpty()) {
            out.put(pointer, new SourceLocation("main.json", out.size() + 2, 7));
        }
        if (v instanceof Value.Obj o) {
            o.fields().forEach((k, child) -> collectPointers(child, pointer + "/" + k, out));
        } else if (v instanceof Value.Arr a) {
            for (int i = 0; i < a.size(); i++) {
                collectPointers(a.get(i), pointer + "/" + i, out);
            }
        }
    }

    public static Value value(String json) {
        try {
            return convert(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Value convert(JsonNode n) {
        if (n.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            Value.Unknown rest = null;
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("<open>")) {
                    rest = new Value.Unknown(e.getValue().asText(), SourceLocation.NONE);
                } else {
                    fields.put(e.getKey(), convert(e.getValue()));
                }
            }
            return new Value.Obj(fields, rest);
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>();
            n.forEach(x -> items.add(convert(x)));
            return new Value.Arr(items);
        }
        if (n.isTextual()) {
            String s = n.asText();
            if (s.startsWith("<symbol:")) {
                // Quotes in the body become JSON's: a term's quotes are written as backquotes.
                String text = s.substring(8, s.length() - 1).replace('`', '\'');
                return new Value.Unknown("built from a parameter without value: " + text, SourceLocation.NONE,
                        SymbolParser.parse(text).orElseThrow());
            }
            return s.startsWith("<unknown:") ? Value.unknown(s.substring(9, s.length() - 1), SourceLocation.NONE) : Value.of(s);
        }
        if (n.isIntegralNumber()) {
            return Value.of(n.asLong());
        }
        if (n.isNumber()) {
            return new Value.Num(new BigDecimal(n.asText()));
        }
        if (n.isBoolean()) {
            return Value.of(n.asBoolean());
        }
        return Value.Null.INSTANCE;
    }
}
