package dev.egressguard.core.template;

import java.util.HashMap;
import java.util.Map;

/**
 * Which written JSON each part of an evaluated body came from: body pointer to source pointer.
 * Computed parts (an expression's object result, a copied property) are absent, so lookups
 * walk up to the nearest written ancestor.
 */
final class Origins {

    private final Map<String, String> bodyToSource = new HashMap<>();

    void put(String bodyPointer, String sourcePointer) {
        bodyToSource.put(JsonPointer.normalize(bodyPointer), sourcePointer);
    }

    /** The source pointer of {@code bodyPointer} or of its nearest recorded ancestor, or null. */
    String sourceOf(String bodyPointer) {
        String p = bodyPointer;
        while (p != null) {
            String s = bodyToSource.get(JsonPointer.normalize(p));
            if (s != null) {
                return s;
            }
            p = JsonPointer.parent(p);
        }
        return null;
    }
}
