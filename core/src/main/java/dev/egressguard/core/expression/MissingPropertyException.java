package dev.egressguard.core.expression;

import dev.egressguard.core.value.ExpressionException;
import java.util.List;

/**
 * {@code x.name} or {@code x['name']} where the object x has no such property. A subclass so
 * that callers (reference() of runtime-only properties) can tell it apart without parsing text.
 */
public final class MissingPropertyException extends ExpressionException {

    private final String property;
    private final List<String> available;

    public MissingPropertyException(String property, List<String> available, int offset) {
        super("The language expression property '" + property + "' doesn't exist, available properties are '"
                + String.join(", ", available) + "'", offset);
        this.property = property;
        this.available = List.copyOf(available);
    }

    public String property() {
        return property;
    }

    public List<String> available() {
        return available;
    }
}
