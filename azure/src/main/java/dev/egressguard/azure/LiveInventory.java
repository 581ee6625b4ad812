package dev.egressguard.azure;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.util.List;

/**
 * What an audit read: the resources (raw ARM JSON as bodies, portal links as provenance), the
 * coverage gaps met on the way (a subscription that answered 403, a response that was not JSON),
 * and how many HTTP requests it took, retries included. Hand resources and gaps to
 * {@code EgressGuard.audit(resources, gaps)}.
 */
public record LiveInventory(List<Resource> resources, List<Diagnostic> gaps, int requestCount) {

    public LiveInventory {
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
    }

    /** True when some scope or type could not be read, so the findings do not cover everything asked for. */
    public boolean isIncomplete() {
        return gaps.stream().anyMatch(g -> g.level() != Diagnostic.Level.INFO);
    }
}
