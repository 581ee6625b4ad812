package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest.Mode;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.egressguard.azure.TestSupport.SUB;
import static dev.egressguard.azure.TestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceGraphModeTest {

    private static final String OTHER = "22222222-2222-2222-2222-222222222222";

    private final FakeArm fake = new FakeArm();
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    private AzureAudit.Builder audit() {
        return TestSupport.audit(fake, sleeper).mode(Mode.RESOURCE_GRAPH);
    }

    /** Resource Graph rows carry subscriptionId and tenantId and spell types in lower case. */
    private static ObjectNode row(JsonNode armItem, String subscriptionId) {
        ObjectNode row = armItem.deepCopy();
        row.put("type", row.path("type").asText().toLowerCase(java.util.Locale.ROOT));
        row.put("subscriptionId", subscriptionId).put("tenantId", TENANT).put("resourceGroup", "rg");
        return row;
    }

    private static ObjectNode page(List<? extends JsonNode> rows, String skipToken) {
        ObjectNode page = FakeArm.JSON.createObjectNode();
        page.put("totalRecords", rows.size()).put("count", rows.size()).put("resultTruncated", "false");
        if (skipToken != null) {
            page.put("$skipToken", skipToken);
        }
        ArrayNode data = page.putArray("data");
        rows.forEach(data::add);
        return page;
    }

    private void subscriptionsVisible(String... ids) {
        List<JsonNode> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(FakeArm.JSON.createObjectNode().put("subscriptionId", id).put("tenantId", TENANT).put("name", "Sub"));
        }
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(page(rows, null)));
    }

    @Test
    void readsThreePagesLinkedBySkipTokenWithOneQuery() {
        subscriptionsVisible(SUB, OTHER);
        List<JsonNode> nics = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            nics.add(row(ArmJson.nic(i % 2 == 0 ? SUB : OTHER, "nic" + i, "vnet"), i % 2 == 0 ? SUB : OTHER));
        }
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(nics.subList(0, 1000), "t1")));
        fake.on(FakeArm.graph("resources", "t1"), FakeArm.Reply.json(page(nics.subList(1000, 2000), "t2")));
        fake.on(FakeArm.graph("resources", "t2"), FakeArm.Reply.json(page(nics.subList(2000, 2500), null)));

        LiveInventory live = audit().subscriptions(SUB, OTHER).build().collect();

        assertThat(live.gaps()).isEmpty();
        assertThat(live.resources()).hasSize(2500).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("Microsoft.Network/networkInterfaces");
            assertThat(r.apiVersion()).isNull();
            assertThat(r.provenance().portalLink()).startsWith("https://portal.azure.com/#@" + TENANT + "/resource/subscriptions/");
        });
        assertThat(live.requestCount()).isEqualTo(1 + 3);
        assertThat(fake.unmatched()).isEmpty();
        List<JsonNode> bodies = fake.requests().stream().map(r -> FakeArm.readTree(r.body())).toList();
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("subscriptions").toString()).isEqualTo("[\"" + SUB + "\",\"" + OTHER + "\"]");
            assertThat(b.path("options").path("$top").asInt()).isEqualTo(1000);
            assertThat(b.path("options").path("resultFormat").asText()).isEqualTo("objectArray");
        });
        assertThat(bodies.get(1).path("query").asText()).isEqualTo(ResourceGraphCollector.mainQuery())
                .contains("'microsoft.network/natgateways'", "'microsoft.containerservice/managedclusters'");
        System.out.println("Resource Graph, 2,500 NICs in 2 subscriptions: " + live.requestCount() + " requests");
    }

    @Test
    void waitsForTheQuotaToResetWhenItIsUsedUp() {
        subscriptionsVisible(SUB);
        List<JsonNode> rows = List.of(row(ArmJson.natGateway(SUB, "natgw1"), SUB));
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(page(List.of(FakeArm.JSON.createObjectNode()
                .put("subscriptionId", SUB).put("tenantId", TENANT)), null))
                .header("x-ms-user-quota-remaining", "0").header("x-ms-user-quota-resets-after", "00:00:03"));
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(rows, null))
                .header("x-ms-user-quota-remaining", "14").header("x-ms-user-quota-resets-after", "00:00:05"));

        LiveInventory live = audit().subscriptions(SUB).build().collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        assertThat(live.resources()).extracting(Resource::name).containsExactly("natgw1");
    }

    @Test
    void aThrottledQueryWaitsForTheQuotaResetItNames() {
        subscriptionsVisible(SUB);
        fake.on(FakeArm.graph("resources", null),
                FakeArm.Reply.status(429, "RateLimiting", "Please provide below info when asking for support")
                        .header("x-ms-user-quota-remaining", "0").header("x-ms-user-quota-resets-after", "00:00:02"),
                FakeArm.Reply.json(page(List.of(), null)));

        LiveInventory live = audit().subscriptions(SUB).build().collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(live.gaps()).isEmpty();
    }

    @Test
    void aManagementGroupIsQueriedAsAManagementGroup() {
        subscriptionsVisible(SUB);
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(List.of(
                row(ArmJson.vnet(SUB, "vnet1", 3), SUB)), null)));

        AzureAudit audit = TestSupport.audit(fake, sleeper).managementGroup("platform-mg").build();
        LiveInventory live = audit.collect();

        assertThat(audit.mode()).isEqualTo(Mode.RESOURCE_GRAPH);
        assertThat(live.scopes()).containsExactly("/providers/Microsoft.Management/managementGroups/platform-mg");
        assertThat(TestSupport.normalised(live)).extracting(Resource::type, Resource::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/virtualNetworks", "vnet1"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/virtualNetworks/subnets", "subnet0"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/virtualNetworks/subnets", "subnet1"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/virtualNetworks/subnets", "subnet2"));
        assertThat(fake.requests()).allSatisfy(r -> {
            JsonNode body = FakeArm.readTree(r.body());
            assertThat(body.path("managementGroups").toString()).isEqualTo("[\"platform-mg\"]");
            assertThat(body.has("subscriptions")).isFalse();
        });
    }

    @Test
    void withoutScopeTheQueryCoversEverythingVisible() {
        subscriptionsVisible(SUB, OTHER);
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(List.of(), null)));

        LiveInventory live = audit().build().collect();

        assertThat(live.scopes()).containsExactly("/subscriptions/" + SUB, "/subscriptions/" + OTHER);
        assertThat(fake.requests()).allSatisfy(r -> {
            JsonNode body = FakeArm.readTree(r.body());
            assertThat(body.has("subscriptions")).isFalse();
            assertThat(body.has("managementGroups")).isFalse();
        });
    }

    @Test
    void aRequestedSubscriptionResourceGraphDoesNotShowIsAGap() {
        subscriptionsVisible(SUB);
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(List.of(), null)));

        LiveInventory live = audit().subscriptions(SUB, OTHER).build().collect();

        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(g.message()).isEqualTo("subscription " + OTHER
                    + ": not visible to Resource Graph for this identity — its resources are not audited");
        });
        JsonNode main = FakeArm.readTree(fake.requests().get(1).body());
        assertThat(main.path("subscriptions").toString()).isEqualTo("[\"" + SUB + "\"]");
    }

    @Test
    void aForbiddenManagementGroupIsACoverageGap() {
        fake.on(r -> true, FakeArm.Reply.status(403, "AuthorizationFailed", "no access to platform-mg"));

        LiveInventory live = TestSupport.audit(fake, sleeper).managementGroup("platform-mg").build().collect();

        assertThat(live.resources()).isEmpty();
        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(g.location().file()).isEqualTo("/providers/Microsoft.Management/managementGroups/platform-mg");
            assertThat(g.message()).isEqualTo("management group platform-mg: 403 AuthorizationFailed: no access to"
                    + " platform-mg — its resources are not audited");
        });
    }

    @Test
    void readsInstanceNicsOfUniformScaleSetsWithPublicIpsFromComputeResources() {
        subscriptionsVisible(SUB);
        List<JsonNode> scaleSets = new ArrayList<>();
        TestSupport.items("virtualMachineScaleSets.json").forEach(v -> scaleSets.add(row(v, SUB)));
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page(scaleSets, null)));
        ObjectNode instanceNic = row(TestSupport.items("vmss-networkInterfaces.json").get(0), SUB);
        instanceNic.put("type", "microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces");
        ObjectNode unrelated = instanceNic.deepCopy();
        unrelated.put("id", "/subscriptions/" + SUB + "/resourceGroups/x/providers/Microsoft.Compute/virtualMachineScaleSets/"
                + "other/virtualMachines/0/networkInterfaces/nic");
        fake.on(FakeArm.graph("computeresources", null), FakeArm.Reply.json(page(List.of(instanceNic, unrelated), null)));

        LiveInventory live = audit().subscriptions(SUB).build().collect();

        assertThat(live.resources()).filteredOn(r -> r.isType("Microsoft.Network/networkInterfaces"))
                .extracting(r -> r.id().toString()).containsExactly(instanceNic.path("id").asText());
        assertThat(live.requestCount()).isEqualTo(3);
    }

    @Test
    void aResponseWithoutRowsIsReportedAsMalformed() {
        subscriptionsVisible(SUB);
        // The table result format (columns and rows) is not what the audit asked for.
        ObjectNode table = FakeArm.JSON.createObjectNode();
        table.putArray("columns");
        table.putArray("rows");
        ObjectNode body = FakeArm.JSON.createObjectNode().put("count", 1);
        body.set("data", table);
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(body));

        LiveInventory live = audit().subscriptions(SUB).build().collect();

        assertThat(live.gaps()).singleElement().extracting(Diagnostic::message).asString().isEqualTo("POST "
                + fake.endpoint() + "/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01: MalformedResponse:"
                + " expected a query response with a 'data' array of rows — Resource Graph results for 1 subscription(s)"
                + " are incomplete");
    }
}
