package dev.egressguard.core.live;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.util.List;

/**
 * What an audit read: the resources (raw ARM JSON as bodies, portal links as provenance), the
 * coverage gaps met on the way (a subscription that answered 403, a response that was not JSON),
 * how many HTTP requests it took (retries included), and the scopes it was asked to cover
 * ({@code /subscriptions/<id>}, {@code /providers/Microsoft.Management/managementGroups/<id>}).
 * Hand them to {@code EgressGuard.audit(resources, gaps, scopes)}. A {@link LiveSource} returns one.
 */
public record LiveInventory(List<Resource> resources, List<Diagnostic> gaps, int requestCount, List<String> scopes) {

    public LiveInventory {
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
        scopes = List.copyOf(scopes);
    }

    public LiveInventory(List<Resource> resources, List<Diagnostic> gaps, int requestCount) {
        this(resources, gaps, requestCount, List.of());
    }

    /** True when some scope or type could not be read, so the findings do not cover everything asked for. */
    public boolean isIncomplete() {
        return gaps.stream().anyMatch(g -> g.level() != Diagnostic.Level.INFO);
    }
}
