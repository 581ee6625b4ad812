package dev.egressguard.core.model;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built resources for model tests: bodies written as JSON (single quotes allowed), ids in
 * subscription {@code sub} and resource group {@code rg}. The string {@code "<unknown>"} stands
 * for a {@link Value.Unknown} such as an id built from {@code reference()}.
 */
final class Bodies4Test {

    static final String UNKNOWN = "<unknown>";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private Bodies4Test() {
    }

    static String id(String type, String... names) {
        return ResourceId.of("sub", "rg", type, List.of(names)).toString();
    }

    /** A declared resource; {@code name} may be a child's template name such as {@code vnet/default}. */
    static Resource resource(String type, String name, String json) {
        Value.Obj body = ((Value.Obj) value(json)).with("name", Value.of(name)).with("type", Value.of(type))
                .with("apiVersion", Value.of("2024-05-01"));
        ResourceId id = ResourceId.of("sub", "rg", type, List.of(name.split("/")));
        return new Resource(id, type, name, "2024-05-01", body,
                Provenance.template(new SourceLocation("main.json", 10, 5), new EchoLocator("main.json")));
    }

    static Value value(String json) {
        try {
            return convert(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value convert(JsonNode n) {
        if (n.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), convert(e.getValue()));
            }
            return new Value.Obj(fields);
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>();
            n.forEach(i -> items.add(convert(i)));
            return new Value.Arr(items);
        }
        if (n.isTextual()) {
            return UNKNOWN.equals(n.asText())
                    ? Value.unknown("depends on reference('vnet').outputs.subnetId", new SourceLocation("main.json", 42, 7))
                    : Value.of(n.asText());
        }
        if (n.isBoolean()) {
            return Value.of(n.asBoolean());
        }
        if (n.isIntegralNumber()) {
            return Value.of(n.asLong());
        }
        if (n.isNull()) {
            return Value.Null.INSTANCE;
        }
        return new Value.Num(n.decimalValue());
    }

    /** Answers every pointer with a location whose "file" shows the pointer, so tests can see where a child points. */
    record EchoLocator(String file) implements PropertyLocator {
        @Override
        public SourceLocation locate(String pointer) {
            return new SourceLocation(file + "#" + pointer, 1, 1);
        }
    }
}
