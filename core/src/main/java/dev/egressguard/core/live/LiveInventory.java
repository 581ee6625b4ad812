package dev.egressguard.core.live;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;

import java.util.List;

/**
 * What an audit read: the resources (raw ARM JSON as bodies, portal links as provenance), the
 * coverage gaps met on the way (a subscription that answered 403, a response that was not JSON),
 * how many HTTP requests it took (retries included), and the scopes it was asked to cover
 * ({@code /subscriptions/<id>}, {@code /providers/Microsoft.Management/managementGroups/<id>}).
 * Hand it to {@code EgressGuard.audit(inventory, request)}. A {@link LiveSource} returns one.
 */
public record LiveInventory(List<Resource> resources, List<Diagnostic> gaps, int requestCount, List<String> scopes) {

    private static final int SCOPES_NAMED = 3;

    public LiveInventory {
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
        scopes = List.copyOf(scopes);
    }

    public LiveInventory(List<Resource> resources, List<Diagnostic> gaps, int requestCount) {
        this(resources, gaps, requestCount, List.of());
    }

    /**
     * The scopes this read covered: those the source names, or, from a source that names none,
     * those the request named. Every subscription of "all I can see" is only known this way.
     */
    public List<String> coveredScopes(LiveRequest asked) {
        return scopes.isEmpty() ? asked.namedScopes() : scopes;
    }

    /**
     * What the read did, for the shell's one line after it ({@code read 12 resources with 40
     * requests}). The scopes are named only when they are not exactly those the user named, e.g.
     * the subscriptions an identity sees: a user who named them needs no echo.
     */
    public String summary(LiveRequest asked) {
        List<String> covered = coveredScopes(asked);
        String from = covered.equals(asked.namedScopes()) ? "" : " from " + describe(covered);
        return "read " + resources.size() + " resources" + from + " with " + requestCount + " requests"
                + (isIncomplete() ? " (incomplete: see the warnings)" : "");
    }

    /** A few scopes by name, more by count: a log line is no place for a hundred subscriptions. */
    private static String describe(List<String> scopes) {
        if (scopes.isEmpty()) {
            return "no scope";
        }
        int shown = Math.min(scopes.size(), SCOPES_NAMED);
        String named = String.join(", ", scopes.subList(0, shown));
        return scopes.size() > shown ? named + " and " + (scopes.size() - shown) + " more" : named;
    }

    /** True when some scope or type could not be read, so the findings do not cover everything asked for. */
    public boolean isIncomplete() {
        return gaps.stream().anyMatch(g -> g.level() != Diagnostic.Level.INFO);
    }
}
