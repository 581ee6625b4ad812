package dev.egressguard.core.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What is derived from a resource type, by the type as spelled: every resource of every run asks,
 * and a run spells a few dozen types. Bounded, so that a run over hostile input with a million
 * made-up types only stops caching. Thread-safe; {@code derive} must be a pure function.
 */
final class TypeCache<V> {

    static final int MAX_TYPES = 4096;

    private final Map<String, V> byType = new ConcurrentHashMap<>();
    private final Function<String, V> derive;

    TypeCache(Function<String, V> derive) {
        this.derive = derive;
    }

    V get(String type) {
        V known = byType.get(type);
        if (known != null) {
            return known;
        }
        V derived = derive.apply(type);
        if (byType.size() < MAX_TYPES) {
            byType.put(type, derived);
        }
        return derived;
    }

    int size() {
        return byType.size();
    }
}
