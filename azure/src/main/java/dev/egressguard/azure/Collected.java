package dev.egressguard.azure;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/** What the collectors gather while they run: resources and coverage gaps, in the order met. */
final class Collected {

    final List<Resource> resources = new ArrayList<>();
    private final Set<ResourceId> seen = new HashSet<>();
    final Set<String> scopes = new LinkedHashSet<>();
    final List<Diagnostic> gaps = new ArrayList<>();

    /** Adds what is new; a resource met twice (a Resource Graph page shifting under a skip token) counts once. */
    void add(Resource found) {
        if (seen.add(found.id())) {
            resources.add(found);
        }
    }

    /** A gap is located at the scope it concerns ("/subscriptions/X"), so reports can group by scope. */
    void gap(Diagnostic.Level level, String scope, String message) {
        gaps.add(new Diagnostic(level, scope == null ? SourceLocation.NONE : SourceLocation.of(scope), message));
    }

    /** A scope the audit was asked to cover, read or not (a gap says why not). */
    void scope(String scopeId) {
        scopes.add(scopeId);
    }

    static String subscriptionScope(String subscriptionId) {
        return "/subscriptions/" + subscriptionId;
    }
}
