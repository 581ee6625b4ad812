package dev.egressguard.azure;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/** What the collectors gather while they run: resources and coverage gaps, in the order met. */
final class Collected {

    final List<Resource> resources = new ArrayList<>();
    final List<Diagnostic> gaps = new ArrayList<>();

    void addAll(List<Resource> found) {
        resources.addAll(found);
    }

    /** A gap is located at the scope it concerns ("/subscriptions/X"), so reports can group by scope. */
    void gap(Diagnostic.Level level, String scope, String message) {
        gaps.add(new Diagnostic(level, scope == null ? SourceLocation.NONE : SourceLocation.of(scope), message));
    }

    static String subscriptionScope(String subscriptionId) {
        return "/subscriptions/" + subscriptionId;
    }
}
