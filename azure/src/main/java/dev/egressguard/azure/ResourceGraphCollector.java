package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.source.Diagnostic;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Reads many subscriptions, a management group or everything visible with a few Resource Graph
 * queries: 1000 rows a page, {@code $skipToken} to the next, and a pause whenever the per-user
 * quota ({@code x-ms-user-quota-remaining}) runs out, for as long as the service says.
 */
final class ResourceGraphCollector {

    static final int PAGE_SIZE = 1000;
    /** Resource Graph's guidance: group subscriptions, fewer than 300 a query. */
    static final int SUBSCRIPTIONS_PER_QUERY = 300;
    private static final Duration DEFAULT_QUOTA_WAIT = Duration.ofSeconds(5);

    /** Where the queries look: listed subscriptions, one management group, or all the identity sees. */
    record Scope(List<String> subscriptions, String managementGroup) {
        String describe() {
            if (managementGroup != null) {
                return "management group " + managementGroup;
            }
            return subscriptions.isEmpty() ? "all visible subscriptions" : subscriptions.size() + " subscription(s)";
        }
    }

    private final ArmClient client;
    private final ResourceFactory factory;
    private final Progress progress;
    private final IntSupplier requests;
    private final Sleeper sleeper;
    private Duration waitBeforeNextQuery = Duration.ZERO;
    private int pages;
    private int resourcesSoFar;

    ResourceGraphCollector(ArmClient client, ResourceFactory factory, Progress progress, IntSupplier requests,
                           Sleeper sleeper) {
        this.client = client;
        this.factory = factory;
        this.progress = progress;
        this.requests = requests;
        this.sleeper = sleeper;
    }

    void collect(Scope scope, String tenantOverride, Collected out) {
        if (scope.managementGroup() != null) {
            out.scope(managementGroupScope(scope.managementGroup()));
        }
        scope.subscriptions().forEach(id -> out.scope(Collected.subscriptionScope(id)));
        for (Scope batch : batches(scope)) {
            Map<String, String> tenants = visibleSubscriptions(batch, out);
            if (tenants == null) {
                continue;
            }
            List<String> visible = batch.subscriptions().stream()
                    .filter(id -> tenants.containsKey(id.toLowerCase(Locale.ROOT))).toList();
            if (!batch.subscriptions().isEmpty() && visible.isEmpty()) {
                continue;
            }
            Scope effective = batch.subscriptions().isEmpty() ? batch : new Scope(visible, null);
            List<JsonNode> scaleSets = new ArrayList<>();
            query(effective, mainQuery(), out, row -> {
                add(row, tenantOverride, tenants, out);
                if (ListedType.VMSS.equalsIgnoreCase(row.path("type").asText()) && ScaleSets.hasInstancePublicIps(row)) {
                    scaleSets.add(row);
                }
            });
            if (!scaleSets.isEmpty()) {
                List<String> prefixes = scaleSets.stream()
                        .map(s -> s.path("id").asText().toLowerCase(Locale.ROOT) + "/virtualmachines/").toList();
                query(effective, instanceNetworkQuery(), out, row -> {
                    String id = row.path("id").asText().toLowerCase(Locale.ROOT);
                    if (prefixes.stream().anyMatch(id::startsWith)) {
                        add(row, tenantOverride, tenants, out);
                    }
                });
            }
        }
    }

    static String mainQuery() {
        String types = ListedType.ALL.stream().map(t -> "'" + t.type().toLowerCase(Locale.ROOT) + "'")
                .collect(Collectors.joining(", "));
        return "resources | where type in~ (" + types + ")";
    }

    static String instanceNetworkQuery() {
        return "computeresources | where type in~ ("
                + "'microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces', "
                + "'microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces/ipconfigurations/publicipaddresses')";
    }

    private List<Scope> batches(Scope scope) {
        if (scope.subscriptions().size() <= SUBSCRIPTIONS_PER_QUERY) {
            return List.of(scope);
        }
        List<Scope> out = new ArrayList<>();
        for (int i = 0; i < scope.subscriptions().size(); i += SUBSCRIPTIONS_PER_QUERY) {
            out.add(new Scope(scope.subscriptions().subList(i, Math.min(i + SUBSCRIPTIONS_PER_QUERY,
                    scope.subscriptions().size())), null));
        }
        return out;
    }

    /**
     * Subscription id (lower case) to tenant id, for the subscriptions in scope that the identity
     * can read; requested ones it cannot read are gaps. Null when the scope itself cannot be read.
     */
    private Map<String, String> visibleSubscriptions(Scope scope, Collected out) {
        Map<String, String> tenants = new LinkedHashMap<>();
        boolean ok = query(scope, "resourcecontainers | where type =~ 'microsoft.resources/subscriptions'"
                + " | project subscriptionId, tenantId, name", out, row -> {
            String id = row.path("subscriptionId").asText(null);
            if (id != null) {
                tenants.put(id.toLowerCase(Locale.ROOT), row.path("tenantId").asText(null));
                if (scope.subscriptions().isEmpty() && scope.managementGroup() == null) {
                    out.scope(Collected.subscriptionScope(id));
                }
            }
        });
        if (!ok) {
            return null;
        }
        for (String id : scope.subscriptions()) {
            if (!tenants.containsKey(id.toLowerCase(Locale.ROOT))) {
                out.gap(Diagnostic.Level.WARNING, Collected.subscriptionScope(id), "subscription " + id
                        + ": not visible to Resource Graph for this identity — its resources are not audited");
            }
        }
        return tenants;
    }

    private void add(JsonNode row, String tenantOverride, Map<String, String> tenants, Collected out) {
        String tenant = tenantOverride != null ? tenantOverride : row.path("tenantId").asText(null);
        if (tenant == null) {
            tenant = tenants.get(row.path("subscriptionId").asText("").toLowerCase(Locale.ROOT));
        }
        try {
            out.add(factory.resource(row, null, null, tenant));
        } catch (IllegalArgumentException e) {
            out.gap(Diagnostic.Level.ERROR, null, "Resource Graph row: " + e.getMessage() + " — that row is not audited");
        }
    }

    /** Runs one query to its last page; false when it failed (the failure is a gap). */
    private boolean query(Scope scope, String kql, Collected out, java.util.function.Consumer<JsonNode> rows) {
        URL url = client.url(ReadOnlyPolicy.RESOURCE_GRAPH_PATH, ListedType.RESOURCE_GRAPH);
        String skipToken = null;
        do {
            resourcesSoFar = out.resources.size();
            waitForQuota();
            progress.update("Resource Graph", "page " + (pages + 1) + " (" + scope.describe() + ")",
                    out.resources.size(), requests.getAsInt());
            ArmClient.ArmResponse response;
            try {
                response = client.post(url, request(scope, kql, skipToken));
            } catch (ArmCallException e) {
                scopeGap(scope, e, out);
                return false;
            }
            pages++;
            noteQuota(response);
            if ("true".equalsIgnoreCase(response.header(QuotaHeaders.SUBSCRIPTION_LIMIT_HIT))) {
                out.gap(Diagnostic.Level.WARNING, null, "Resource Graph answered for the first 10,000 subscriptions only"
                        + " — name subscriptions or a management group to audit the rest");
            }
            JsonNode data = response.body().get("data");
            if (!response.body().isObject() || data == null || !data.isArray()) {
                out.gap(Diagnostic.Level.ERROR, null, ArmCallException.malformed(response.request(),
                        "expected a query response with a 'data' array of rows", null).getMessage()
                        + " — Resource Graph results for " + scope.describe() + " are incomplete");
                return false;
            }
            data.forEach(rows);
            JsonNode token = response.body().get("$skipToken");
            skipToken = token != null && token.isTextual() && !token.textValue().isBlank() ? token.textValue() : null;
            if (skipToken == null && "true".equalsIgnoreCase(response.body().path("resultTruncated").asText())) {
                out.gap(Diagnostic.Level.WARNING, null, response.request()
                        + ": Resource Graph truncated the results — some resources of " + scope.describe() + " are not audited");
            }
        } while (skipToken != null);
        return true;
    }

    private ObjectNode request(Scope scope, String kql, String skipToken) {
        ObjectNode body = ArmClient.JSON.createObjectNode();
        if (scope.managementGroup() != null) {
            body.putArray("managementGroups").add(scope.managementGroup());
        } else if (!scope.subscriptions().isEmpty()) {
            ArrayNode subs = body.putArray("subscriptions");
            scope.subscriptions().forEach(subs::add);
        }
        body.put("query", kql);
        ObjectNode options = body.putObject("options");
        options.put("$top", PAGE_SIZE);
        if (skipToken != null) {
            options.put("$skipToken", skipToken);
        }
        options.put("resultFormat", "objectArray");
        return body;
    }

    private void noteQuota(ArmClient.ArmResponse response) {
        int remaining = QuotaHeaders.remaining(response.header(QuotaHeaders.REMAINING));
        if (remaining == 0) {
            Duration resets = QuotaHeaders.duration(response.header(QuotaHeaders.RESETS_AFTER));
            waitBeforeNextQuery = resets != null ? resets : DEFAULT_QUOTA_WAIT;
        } else {
            waitBeforeNextQuery = Duration.ZERO;
        }
    }

    private void waitForQuota() {
        if (waitBeforeNextQuery.isZero() || waitBeforeNextQuery.isNegative()) {
            return;
        }
        progress.update("Resource Graph", "quota used up, waiting " + waitBeforeNextQuery.toSeconds() + " s", resourcesSoFar,
                requests.getAsInt());
        try {
            sleeper.sleep(waitBeforeNextQuery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AzureAuditException("interrupted while waiting for the Resource Graph quota to reset", e);
        }
        waitBeforeNextQuery = Duration.ZERO;
    }

    static String managementGroupScope(String id) {
        return "/providers/Microsoft.Management/managementGroups/" + id;
    }

    private static void scopeGap(Scope scope, ArmCallException e, Collected out) {
        if (e.status() == 401 || e.status() == 403) {
            String scopeId = scope.managementGroup() != null ? managementGroupScope(scope.managementGroup()) : null;
            out.gap(Diagnostic.Level.WARNING, scopeId, scope.describe() + ": " + e.status() + " " + e.code() + ": "
                    + e.detail() + " — its resources are not audited");
            return;
        }
        out.gap(Diagnostic.Level.ERROR, null, e.getMessage() + " — Resource Graph results for " + scope.describe()
                + " are incomplete");
    }
}
