package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Reads one subscription with one list request per resource type (plus its pages), never a GET
 * per resource; only Uniform scale sets with per-instance public IPs cost two more lists each.
 */
final class ListCollector {

    private final ArmClient client;
    private final ResourceFactory factory;
    private final Progress progress;
    private final IntSupplier requests;

    ListCollector(ArmClient client, ResourceFactory factory, Progress progress, IntSupplier requests) {
        this.client = client;
        this.factory = factory;
        this.progress = progress;
        this.requests = requests;
    }

    void collect(Subscription sub, String progressScope, Collected out) {
        boolean anyRead = false;
        Map<String, ArmCallException> forbidden = new LinkedHashMap<>();
        for (ListedType type : ListedType.ALL) {
            progress.update(progressScope, type.plural(), out.resources.size(), requests.getAsInt());
            URL url = client.url("/subscriptions/" + sub.id() + "/providers/" + type.type(), type.apiVersion());
            List<JsonNode> scaleSetsWithInstanceIps = new ArrayList<>();
            try {
                client.list(url, (item, request) -> {
                    add(item, type.type(), type.apiVersion(), sub, request, out);
                    if (type.type().equals(ListedType.VMSS) && ScaleSets.hasInstancePublicIps(item)) {
                        scaleSetsWithInstanceIps.add(item);
                    }
                });
                anyRead = true;
            } catch (ArmCallException e) {
                if (isForbidden(e)) {
                    forbidden.put(type.type(), e);
                    continue;
                }
                if (!anyRead && forbidden.isEmpty() && e.status() == 404
                        && e.code().equalsIgnoreCase("SubscriptionNotFound")) {
                    subscriptionGap(sub, e, out);
                    return;
                }
                typeGap(sub, type.type(), type.namespace(), e, out);
            }
            for (JsonNode scaleSet : scaleSetsWithInstanceIps) {
                instanceNetwork(sub, scaleSet, progressScope, out);
            }
        }
        // No read right on the subscription: every list says so; say it once. A role that reads
        // some types but not others leaves a gap per type instead.
        if (!anyRead && forbidden.size() == ListedType.ALL.size()) {
            subscriptionGap(sub, forbidden.values().iterator().next(), out);
            return;
        }
        forbidden.forEach((type, e) -> typeGap(sub, type, type.substring(0, type.indexOf('/')), e, out));
    }

    private static void subscriptionGap(Subscription sub, ArmCallException e, Collected out) {
        out.gap(Diagnostic.Level.WARNING, Collected.subscriptionScope(sub.id()), "subscription " + sub.id() + ": "
                + e.status() + " " + e.code() + ": " + e.detail() + " — its resources are not audited");
    }

    /** Instance NICs and public IPs of a Uniform scale set, through the scale-set network lists. */
    private void instanceNetwork(Subscription sub, JsonNode scaleSet, String progressScope, Collected out) {
        String id = ResourceId.parse(scaleSet.path("id").asText(null)).map(ResourceId::toString).orElse(null);
        if (id == null) {
            return;
        }
        String[][] lists = {{"networkInterfaces", ListedType.NIC}, {"publicipaddresses", ListedType.PUBLIC_IP}};
        for (String[] list : lists) {
            progress.update(progressScope, "instance " + list[0] + " of " + scaleSet.path("name").asText(),
                    out.resources.size(), requests.getAsInt());
            URL url = client.url(id + "/" + list[0], ListedType.VMSS_INSTANCE_NETWORK);
            try {
                client.list(url, (item, request) -> add(item, list[1], ListedType.VMSS_INSTANCE_NETWORK, sub, request, out));
            } catch (ArmCallException e) {
                typeGap(sub, "instance " + list[0] + " of scale set " + id, "Microsoft.Network", e, out);
            }
        }
    }

    private void add(JsonNode item, String type, String apiVersion, Subscription sub, String request, Collected out) {
        try {
            out.add(factory.resource(item, type, apiVersion, sub.tenantId()));
        } catch (IllegalArgumentException e) {
            out.gap(Diagnostic.Level.ERROR, Collected.subscriptionScope(sub.id()), request + ": " + e.getMessage()
                    + " — that element is not audited");
        }
    }

    private static boolean isForbidden(ArmCallException e) {
        return e.status() == 401 || e.status() == 403;
    }

    private static void typeGap(Subscription sub, String what, String namespace, ArmCallException e, Collected out) {
        String scope = Collected.subscriptionScope(sub.id());
        if (e.status() == 409 && e.code().equalsIgnoreCase("MissingSubscriptionRegistration")) {
            // Not registered means nothing of that provider can exist there; registering would be a write.
            out.gap(Diagnostic.Level.INFO, scope, "subscription " + sub.id() + ": " + namespace
                    + " is not registered, so it holds no " + what);
            return;
        }
        if (isForbidden(e)) {
            out.gap(Diagnostic.Level.WARNING, scope, "subscription " + sub.id() + ": " + e.status() + " " + e.code()
                    + " listing " + what + ": " + e.detail() + " — those resources are not audited");
            return;
        }
        out.gap(Diagnostic.Level.ERROR, scope, e.getMessage() + " — " + what + " of subscription " + sub.id()
                + " are not audited");
    }
}
