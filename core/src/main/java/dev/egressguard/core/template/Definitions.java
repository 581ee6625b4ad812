package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

import java.util.Map;

/**
 * User-defined types of languageVersion 2.0 ({@code definitions}). They only constrain
 * parameter and output values, which Azure checks; here they are accepted and checked lightly:
 * each is an object with a {@code type} or a {@code $ref} to another definition that exists.
 */
final class Definitions {

    private Definitions() {
    }

    static void check(TemplateDocument doc, EvaluationLog log) {
        if (!(doc.section("definitions") instanceof Value.Obj defs)) {
            return;
        }
        String base = doc.sectionPointer("definitions");
        for (Map.Entry<String, Value> e : defs.fields().entrySet()) {
            String pointer = JsonPointer.child(base, e.getKey());
            if (!(e.getValue() instanceof Value.Obj def)) {
                log.error(doc.map().locate(pointer), "type definition '" + e.getKey() + "' must be an object");
                continue;
            }
            if (def.get("$ref") instanceof Value.Str ref) {
                String name = ref.value().startsWith("#/definitions/") ? ref.value().substring("#/definitions/".length())
                        : null;
                if (name != null && !defs.has(name)) {
                    log.error(doc.map().locate(pointer), "type definition '" + e.getKey() + "' refers to " + ref.value()
                            + ", which the template does not define");
                }
            } else if (!def.has("type")) {
                log.warning(doc.map().locate(pointer), "type definition '" + e.getKey() + "' has neither type nor $ref");
            }
        }
    }
}
