package dev.egressguard.core.model;

import dev.egressguard.core.source.SourceLocation;

/**
 * Finds where a property of a resource was written. The pointer is relative to the resource
 * body, e.g. {@code /properties/ipConfigurations/0/properties/publicIPAddress}; the answer is
 * the closest written ancestor when the property itself was computed (a property copy loop).
 */
@FunctionalInterface
public interface PropertyLocator {

    PropertyLocator NONE = pointer -> SourceLocation.NONE;

    SourceLocation locate(String pointer);
}
