package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static dev.egressguard.azure.TestSupport.SUB;
import static dev.egressguard.azure.TestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live egress map end to end: the real SDK pipeline reads a subscription from the fake ARM
 * endpoint (src/test/resources/livemap: a NAT gateway with a public IP, an IPv6 public IP and a
 * prefix, a public load balancer whose outbound rule serves a scale set, a VM with a public IP of
 * its own from a prefix, a VM behind a route to a firewall, an AKS cluster with outboundType
 * loadBalancer and one with managedNATGateway, with their node resource groups), and
 * {@code EgressGuard.audit} draws the map with the addresses and CIDRs ARM reports.
 */
class LiveEgressMapTest {

    private static final String OTHER = "22222222-2222-2222-2222-222222222222";
    private static final String RG = "/subscriptions/" + SUB + "/resourceGroups/rg-map/providers";

    /**
     * Every node of the fixture: kind, name, path, what it goes through (lower case), the CIDRs it
     * leaves from. The scale sets AKS made in the node resource groups (tag aks-managed-poolName)
     * are shown as their pools, not twice.
     */
    private static final List<String> EXPECTED = List.of(
            "scaleSet web-vmss loadBalancer " + RG + "/Microsoft.Network/loadBalancers/lb-web/backendAddressPools/web-pool"
                    + " [203.0.113.30/32]",
            "aksNodePool aks-lb/system loadBalancer " + RG + "/Microsoft.ContainerService/managedClusters/aks-lb"
                    + " [198.51.100.40/32, 198.51.100.41/32]",
            "aksNodePool aks-nat/nodepool1 natGateway " + RG + "/Microsoft.ContainerService/managedClusters/aks-nat"
                    + " [198.51.100.50/32]",
            "virtualMachine app-vm firewall " + RG + "/Microsoft.Network/routeTables/rt-firewall []",
            "virtualMachine jump-vm instancePublicIp " + RG + "/Microsoft.Network/publicIPAddresses/jump-pip [203.0.113.10/32]",
            "virtualMachine nat-vm natGateway " + RG + "/Microsoft.Network/natGateways/natgw-map"
                    + " [203.0.113.20/32, 198.51.100.16/28, 2001:db8:10::20/128]");

    private final FakeArm fake = new FakeArm();
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<JsonNode> items(ListedType type) {
        return TestSupport.items("../livemap/" + type.plural() + ".json");
    }

    /** The fixture subscription, each type's list in pages of {@code pageSize}. */
    private void serveLists(int pageSize) {
        for (ListedType t : ListedType.ALL) {
            fake.list(FakeArm.typePath(SUB, t.type()), t.apiVersion(), items(t), pageSize);
        }
    }

    private static Report audit(LiveInventory live, String... subscriptions) {
        return EgressGuard.builder().build().audit(live, new LiveRequest(List.of(subscriptions), null, null, null, null));
    }

    private static List<String> map(EgressMap map) {
        return map.nodes().stream().map(LiveEgressMapTest::line).toList();
    }

    private static String line(EgressNode n) {
        return n.kind() + " " + n.name() + " " + n.egress().path() + " "
                + (n.egress().via() == null ? null : ResourceId.parse(n.egress().via()).map(Object::toString).orElseThrow())
                + " " + n.egress().publicIps().stream().map(PublicIp::cidr).toList();
    }

    /** The same resource ids, in whatever casing each side spelled them. */
    private static List<String> lower(List<String> lines) {
        return lines.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void listModeMapsEveryNodeWithItsPathAndTheAddressesArmReports() {
        fake.subscriptions(TENANT, SUB);
        serveLists(1000);

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB).build().collect();
        Report report = audit(live, SUB);

        assertThat(live.gaps()).isEmpty();
        assertThat(fake.unmatched()).isEmpty();
        assertThat(lower(map(report.egressMap()))).containsExactlyElementsOf(lower(EXPECTED));
        // Not in the map twice, but the rules still check the node resource group's scale sets.
        assertThat(report.evaluations()).anyMatch(e -> e.resourceId().contains("aks-system-12345678-vmss"));
        assertThat(report.egressMap().nodes()).allSatisfy(n -> {
            assertThat(n.egress().publicIpsUnknown()).isNull();
            assertThat(n.egress().publicIps()).allSatisfy(ip -> assertThat(ip.reason()).isNull());
            assertThat(n.bypassed()).isEmpty();
        });
        assertThat(report.egressMap().egressIps()).extracting(PublicIp::cidr).containsExactlyInAnyOrder(
                "198.51.100.40/32", "198.51.100.41/32", "198.51.100.50/32", "203.0.113.30/32", "203.0.113.10/32",
                "203.0.113.20/32", "198.51.100.16/28", "2001:db8:10::20/128");
        // The budget docs/audit.md states: the subscription list and one list per type, nothing per
        // resource (no Uniform scale set here gives its instances public IPs).
        assertThat(live.requestCount()).isEqualTo(1 + ListedType.ALL.size()).isEqualTo(11);
        assertThat(fake.requests()).hasSize(live.requestCount())
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        System.out.println("Live egress map, list mode: " + report.egressMap().nodes().size() + " nodes, "
                + live.resources().size() + " listed resources, " + live.requestCount() + " requests");
    }

    @Test
    void theBodiesOfPublicIpsPrefixesNatGatewaysAndClustersReachTheModelUnchanged() {
        fake.subscriptions(TENANT, SUB);
        serveLists(1000);

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB).build().collect();

        for (ListedType t : List.of(ListedType.forType(ListedType.PUBLIC_IP), ListedType.forType(ListedType.PUBLIC_IP_PREFIX),
                ListedType.forType(ListedType.NAT_GATEWAY), ListedType.forType(ListedType.AKS))) {
            for (JsonNode item : items(t)) {
                Resource r = live.resources().stream().filter(x -> x.id().toString().equals(item.path("id").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError("not read: " + item.path("id").asText()));
                assertThat(r.type()).isEqualTo(t.type());
                assertThat(r.apiVersion()).isEqualTo(t.apiVersion());
                assertThat(r.body()).as(r.id().toString()).isEqualTo(JsonToValue.object(item));
            }
        }
        Resource jumpPip = live.resources().stream().filter(r -> r.name().equals("jump-pip")).findFirst().orElseThrow();
        assertThat(jumpPip.properties().get("ipAddress")).isEqualTo(Value.of("203.0.113.10"));
        assertThat(((Value.Obj) jumpPip.properties().get("publicIPPrefix")).get("id"))
                .isEqualTo(Value.of(RG + "/Microsoft.Network/publicIPPrefixes/jump-prefix"));
        Resource prefix = live.resources().stream().filter(r -> r.name().equals("natgw-prefix")).findFirst().orElseThrow();
        assertThat(prefix.properties().get("ipPrefix")).isEqualTo(Value.of("198.51.100.16/28"));
    }

    @Test
    void pagesAndThrottledListsGiveTheSameMap() {
        fake.subscriptions(TENANT, SUB);
        serveLists(3);
        // Throttled once (Retry-After), then a 500 once: both retried, neither a gap.
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.PUBLIC_IP_PREFIX), ListedType.NETWORK),
                FakeArm.Reply.status(429, "TooManyRequests", "throttled").header("Retry-After", "7"),
                FakeArm.Reply.json(ArmJson.list(items(ListedType.forType(ListedType.PUBLIC_IP_PREFIX)).toArray(JsonNode[]::new))));
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.NAT_GATEWAY), ListedType.NETWORK),
                FakeArm.Reply.status(500, "InternalServerError", "try again"),
                FakeArm.Reply.json(ArmJson.list(items(ListedType.forType(ListedType.NAT_GATEWAY)).toArray(JsonNode[]::new))));

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB).build().collect();

        assertThat(live.gaps()).isEmpty();
        assertThat(fake.unmatched()).isEmpty();
        assertThat(sleeper.waits).containsExactlyInAnyOrder(Duration.ofSeconds(7), Duration.ofSeconds(1));
        assertThat(lower(map(audit(live, SUB).egressMap()))).containsExactlyElementsOf(lower(EXPECTED));
        // 8 public IPs in pages of 3: 2 more pages (every other list fits in one); 2 retries.
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/publicIPAddresses"))
                .extracting(FakeArm.Request::skipToken).containsExactly(null, "page1", "page2");
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 2 + 2);
    }

    @Test
    void aForbiddenSubscriptionIsAGapAndTheOtherIsMapped() {
        fake.subscriptions(TENANT, SUB, OTHER);
        serveLists(1000);
        String message = "The client 'auditor@contoso.com' with object id '0000' does not have authorization to perform"
                + " action 'Microsoft.Network/virtualNetworks/read' over scope '/subscriptions/" + OTHER + "'";
        fake.on(r -> r.path().startsWith("/subscriptions/" + OTHER + "/"), FakeArm.Reply.status(403, "AuthorizationFailed", message));

        LiveInventory live = TestSupport.audit(fake, sleeper).build().collect();
        Report report = audit(live);

        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(g.location().file()).isEqualTo("/subscriptions/" + OTHER);
            assertThat(g.message()).isEqualTo("subscription " + OTHER + ": 403 AuthorizationFailed: " + message
                    + " — its resources are not audited");
        });
        assertThat(report.diagnostics()).extracting(Diagnostic::message).contains(live.gaps().get(0).message());
        assertThat(report.inputs()).containsExactly("/subscriptions/" + SUB, "/subscriptions/" + OTHER);
        assertThat(lower(map(report.egressMap()))).containsExactlyElementsOf(lower(EXPECTED));
        // Each subscription costs its lists, answered or not.
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 10);
    }

    @Test
    void publicIpsTheIdentityCannotListAreNamedWithoutAddressAndSayWhy() {
        fake.subscriptions(TENANT, SUB);
        serveLists(1000);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.PUBLIC_IP), ListedType.NETWORK),
                FakeArm.Reply.status(403, "AuthorizationFailed", "no Microsoft.Network/publicIPAddresses/read"));

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB).build().collect();
        Report report = audit(live, SUB);

        assertThat(live.gaps()).extracting(Diagnostic::message).containsExactly("subscription " + SUB
                + ": 403 AuthorizationFailed listing Microsoft.Network/publicIPAddresses: no Microsoft.Network/publicIPAddresses/read"
                + " — those resources are not audited");
        EgressNode aks = report.egressMap().nodes().stream().filter(n -> n.name().equals("aks-lb/system")).findFirst().orElseThrow();
        assertThat(aks.egress().path().jsonName()).isEqualTo("loadBalancer");
        assertThat(aks.egress().publicIps()).hasSize(2).allSatisfy(ip -> {
            assertThat(ip.id()).containsIgnoringCase("/resourceGroups/MC_rg-map_aks-lb_westeurope/");
            assertThat(ip.cidr()).isNull();
            assertThat(ip.reason()).isEqualTo("not among the audited resources (in a subscription outside the audited scope,"
                    + " in a list that could not be read, or not readable by this identity): its address is unknown");
        });
        // The prefixes were read: the NAT gateway's prefix keeps its CIDR, its public IPs do not have theirs.
        EgressNode natVm = report.egressMap().nodes().stream().filter(n -> n.name().equals("nat-vm")).findFirst().orElseThrow();
        assertThat(natVm.egress().publicIps()).extracting(PublicIp::cidr).containsExactly(null, "198.51.100.16/28", null);
    }

    /** The fixture as Resource Graph rows: lower-case types, subscription and tenant columns. */
    private static List<JsonNode> rows() {
        List<JsonNode> rows = new ArrayList<>();
        for (ListedType t : ListedType.ALL) {
            for (JsonNode item : items(t)) {
                ObjectNode row = item.deepCopy();
                row.put("type", t.type().toLowerCase(Locale.ROOT));
                String group = ResourceId.parse(item.path("id").asText()).orElseThrow().resourceGroup();
                row.put("subscriptionId", SUB).put("tenantId", TENANT).put("resourceGroup", group.toLowerCase(Locale.ROOT));
                rows.add(row);
            }
        }
        return rows;
    }

    private static ObjectNode page(List<JsonNode> rows, String skipToken) {
        ObjectNode page = FakeArm.JSON.createObjectNode();
        page.put("totalRecords", rows.size()).put("count", rows.size()).put("resultTruncated", "false");
        if (skipToken != null) {
            page.put("$skipToken", skipToken);
        }
        ArrayNode data = page.putArray("data");
        rows.forEach(data::add);
        return page;
    }

    @Test
    void resourceGraphGivesTheSameMapInPagesAndThroughItsQuota() {
        ObjectNode visible = FakeArm.JSON.createObjectNode();
        visible.putArray("data").addObject().put("subscriptionId", SUB).put("tenantId", TENANT);
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(visible));
        List<JsonNode> rows = rows();
        int half = rows.size() / 2;
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(rows.subList(0, half), "t1")));
        fake.on(FakeArm.graph("resources", "t1"),
                FakeArm.Reply.status(429, "RateLimiting", "Please provide below info when asking for support")
                        .header("x-ms-user-quota-remaining", "0").header("x-ms-user-quota-resets-after", "00:00:02"),
                FakeArm.Reply.json(page(rows.subList(half, rows.size()), null)));

        LiveInventory live = TestSupport.audit(fake, sleeper).mode(LiveRequest.Mode.RESOURCE_GRAPH).subscriptions(SUB)
                .build().collect();
        Report report = audit(live, SUB);

        assertThat(live.gaps()).isEmpty();
        assertThat(fake.unmatched()).isEmpty();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(lower(map(report.egressMap()))).containsExactlyElementsOf(lower(EXPECTED));
        assertThat(live.resources()).extracting(Resource::type).contains(ListedType.PUBLIC_IP_PREFIX, ListedType.PUBLIC_IP);
        assertThat(live.resources()).allSatisfy(r -> assertThat(r.apiVersion()).isNull());
        // One visibility query and two pages of the main query, one of them asked twice.
        assertThat(live.requestCount()).isEqualTo(1 + 2 + 1);
        assertThat(FakeArm.readTree(fake.requests().get(1).body()).path("query").asText())
                .contains("'microsoft.network/publicipaddresses', 'microsoft.network/publicipprefixes'");
        System.out.println("Live egress map, Resource Graph: " + report.egressMap().nodes().size() + " nodes, "
                + live.requestCount() + " requests (" + rows.size() + " rows in 2 pages, one throttled once)");
    }

    @Test
    void resourceGraphRowsWithLowerCaseIdsMapTheSame() {
        ObjectNode visible = FakeArm.JSON.createObjectNode();
        visible.putArray("data").addObject().put("subscriptionId", SUB).put("tenantId", TENANT);
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(visible));
        // Resource Graph does not promise the casing ARM used: every id of every row in lower case.
        List<JsonNode> rows = rows().stream().map(r -> FakeArm.readTree(lowerIds(r.toString()))).collect(Collectors.toList());
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(rows, null)));

        LiveInventory live = TestSupport.audit(fake, sleeper).mode(LiveRequest.Mode.RESOURCE_GRAPH).subscriptions(SUB)
                .build().collect();

        assertThat(live.gaps()).isEmpty();
        assertThat(lower(map(audit(live, SUB).egressMap()))).containsExactlyElementsOf(lower(EXPECTED));
        // The budget docs/audit.md states: one visibility query and one page.
        assertThat(live.requestCount()).isEqualTo(1 + 1);
    }

    /** Every {@code "/subscriptions/..."} string of a JSON text in lower case. */
    private static String lowerIds(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"/subscriptions/[^\"]*\"").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
