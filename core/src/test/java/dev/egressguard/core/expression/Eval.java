package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.JsonText;

/** Test helpers: evaluate an ARM JSON string, write values as JSON. */
final class Eval {

    static final SourceLocation AT = new SourceLocation("main.json", 12, 7);

    private Eval() {
    }

    static Value eval(String raw) {
        return eval(raw, new TestScope());
    }

    static Value eval(String raw, TestScope scope) {
        return Expressions.evaluateJsonString(raw, scope, AT);
    }

    /** The value as compact JSON, for comparing with Azure's documented outputs. */
    static String json(String raw) {
        return JsonText.write(eval(raw));
    }

    static String json(String raw, TestScope scope) {
        return JsonText.write(eval(raw, scope));
    }

    static Value v(String json) {
        return JsonText.parse(json);
    }
}
