package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.source.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the subscriptions to audit with one {@code GET /subscriptions} (plus pages): all that the
 * identity sees, or the requested ones; a requested subscription the identity cannot see is a gap.
 */
final class SubscriptionLister {

    private final ArmClient client;

    SubscriptionLister(ArmClient client) {
        this.client = client;
    }

    List<Subscription> resolve(List<String> requested, String tenantOverride, Collected out) {
        Map<String, Subscription> visible = new LinkedHashMap<>();
        try {
            client.list(client.url("/subscriptions", ListedType.SUBSCRIPTIONS), (item, request) -> {
                String id = text(item, "subscriptionId");
                if (id != null) {
                    visible.put(id.toLowerCase(Locale.ROOT), new Subscription(id, text(item, "displayName"),
                            tenantOverride != null ? tenantOverride : text(item, "tenantId")));
                }
            });
        } catch (ArmCallException e) {
            if (requested.isEmpty()) {
                throw new AzureAuditException("could not list the subscriptions to audit: " + e.getMessage(), e);
            }
            // The requested ids can still be read; only their names and directory stay unknown.
            out.gap(Diagnostic.Level.WARNING, null, "could not list subscriptions (" + e.getMessage()
                    + "); auditing the requested ones without their names");
            requested.forEach(id -> out.scope(Collected.subscriptionScope(id)));
            return requested.stream().map(id -> new Subscription(id, null, tenantOverride)).toList();
        }
        if (requested.isEmpty()) {
            visible.values().forEach(s -> out.scope(Collected.subscriptionScope(s.id())));
            return List.copyOf(visible.values());
        }
        List<Subscription> chosen = new ArrayList<>();
        for (String id : requested) {
            out.scope(Collected.subscriptionScope(id));
            Subscription s = visible.get(id.toLowerCase(Locale.ROOT));
            if (s != null) {
                chosen.add(s);
            } else {
                out.gap(Diagnostic.Level.WARNING, Collected.subscriptionScope(id), "subscription " + id
                        + ": not visible to this identity (not in GET /subscriptions) — its resources are not audited");
            }
        }
        return chosen;
    }

    private static String text(JsonNode item, String field) {
        JsonNode n = item.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
