package dev.egressguard.core.model;

import dev.egressguard.core.source.SourceLocation;

import java.util.Objects;

/**
 * Where a resource came from: the declaration in a template (with a locator for its properties),
 * or a live subscription (with a portal link). Rules never look at it; reports do.
 */
public record Provenance(SourceLocation location, PropertyLocator locator, String portalLink) {

    public static final Provenance UNKNOWN = new Provenance(SourceLocation.NONE, PropertyLocator.NONE, null);

    public Provenance {
        Objects.requireNonNull(location, "location");
        locator = locator == null ? PropertyLocator.NONE : locator;
    }

    public static Provenance template(SourceLocation location, PropertyLocator locator) {
        return new Provenance(location, locator, null);
    }

    public static Provenance live(String portalLink) {
        return new Provenance(SourceLocation.NONE, PropertyLocator.NONE, portalLink);
    }

    /** Where the property at {@code pointer} was written, or the resource itself when unknown. */
    public SourceLocation locate(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return location;
        }
        SourceLocation found = locator.locate(pointer);
        return found != null && found.isKnown() ? found : location;
    }
}
