package dev.egressguard.core.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * What {@link Normalizer#normalize} returns: its resources in order, read-only, with the index by
 * id it built them in. {@link ResourceGraph#of} takes that index as it is instead of building an
 * equal one again (every run normalises a template's resources and then graphs them; at 100,000
 * resources that second index was a map of 175,000 ids).
 */
final class NormalizedResources extends AbstractList<Resource> implements RandomAccess {

    private final Resource[] resources;
    private final Map<ResourceId, Resource> byId;

    /** {@code byId} is not changed after this: the normaliser is done with it. */
    NormalizedResources(Map<ResourceId, Resource> byId) {
        this.resources = byId.values().toArray(new Resource[0]);
        // Not wrapped: only this package reads it, and the graph looks up every reference's target in it.
        this.byId = byId;
    }

    /** The resources by id, in the list's order (the ids are distinct); read it, never change it. */
    Map<ResourceId, Resource> byId() {
        return byId;
    }

    @Override
    public Resource get(int index) {
        return resources[index];
    }

    @Override
    public int size() {
        return resources.length;
    }
}
