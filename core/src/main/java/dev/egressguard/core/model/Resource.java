package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;

import java.util.Objects;

/**
 * One ARM resource, from a template or a live subscription: both share this JSON shape, so
 * rules never know where it came from. {@code body} is the whole evaluated declaration
 * (name, type, location, sku, properties, ...), with expressions already evaluated and
 * {@link Value.Unknown} where only a deployment could tell.
 */
public record Resource(ResourceId id, String type, String name, String apiVersion, Value.Obj body,
                       Provenance provenance) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /** {@code properties} of the body, or an empty object. */
    public Value.Obj properties() {
        return body.get("properties") instanceof Value.Obj o ? o : Value.Obj.EMPTY;
    }

    public boolean isType(String fullType) {
        return type.equalsIgnoreCase(fullType);
    }
}
