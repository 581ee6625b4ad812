package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.egressguard.azure.TestSupport.MC;
import static dev.egressguard.azure.TestSupport.RG;
import static dev.egressguard.azure.TestSupport.SUB;
import static dev.egressguard.azure.TestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ListModeTest {

    private final FakeArm fake = new FakeArm();
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    @AfterEach
    void stop() {
        fake.close();
    }

    private LiveInventory collect() {
        return TestSupport.audit(fake, sleeper).build().collect();
    }

    private static Resource find(LiveInventory live, String id) {
        return TestSupport.normalised(live).stream().filter(r -> r.id().equals(ResourceId.parse(id).orElseThrow()))
                .findFirst().orElseThrow(() -> new AssertionError("no resource " + id));
    }

    @Test
    void readsEveryEgressTypeOfTheSubscriptionWithOneListEach() {
        TestSupport.fixtureSubscription(fake);

        LiveInventory live = collect();

        assertThat(live.gaps()).isEmpty();
        assertThat(fake.unmatched()).isEmpty();
        assertThat(live.resources()).extracting(Resource::type).containsOnly(ListedType.VNET, ListedType.NIC,
                ListedType.PUBLIC_IP, ListedType.NAT_GATEWAY, ListedType.LOAD_BALANCER, ListedType.ROUTE_TABLE,
                ListedType.VM, ListedType.VMSS, ListedType.AKS);
        // Inline children stay in their parents' bodies; the core makes resources of them for the rules.
        assertThat(TestSupport.normalised(live)).extracting(Resource::type, Resource::name).contains(
                tuple("Microsoft.Network/virtualNetworks", "vnet1"),
                tuple("Microsoft.Network/virtualNetworks/subnets", "nodes"),
                tuple("Microsoft.Network/virtualNetworks/subnets", "legacy"),
                tuple("Microsoft.Network/networkInterfaces", "vm1-nic"),
                tuple("Microsoft.Network/publicIPAddresses", "vm1-pip"),
                tuple("Microsoft.Network/natGateways", "natgw1"),
                tuple("Microsoft.Network/loadBalancers", "kubernetes"),
                tuple("Microsoft.Network/loadBalancers/backendAddressPools", "kubernetes"),
                tuple("Microsoft.Network/loadBalancers/frontendIPConfigurations", "fe1"),
                tuple("Microsoft.Network/loadBalancers/outboundRules", "aksOutboundRule"),
                tuple("Microsoft.Network/routeTables", "rt1"),
                tuple("Microsoft.Compute/virtualMachines", "vm1"),
                tuple("Microsoft.Compute/virtualMachineScaleSets", "aks-pool1-vmss"),
                tuple("Microsoft.Compute/virtualMachineScaleSets", "flex-vmss"),
                tuple("Microsoft.ContainerService/managedClusters", "aks1"),
                tuple("Microsoft.ContainerService/managedClusters/agentPools", "pool1"));
        // subscriptions + 10 types + the Uniform scale set's instance NICs and public IPs; the
        // Flexible one's NICs are in the subscription's NIC list.
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 2);
        assertThat(fake.requests()).hasSize(live.requestCount());
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void keepsTheRawJsonIncludingPropertiesNoSdkModelKnows() {
        TestSupport.fixtureSubscription(fake);

        LiveInventory live = collect();

        Resource subnet = find(live, RG + "/Microsoft.Network/virtualNetworks/vnet1/subnets/nodes");
        Value.Obj future = (Value.Obj) subnet.properties().get("AFUTUREPROPERTYNOSDKKNOWS");
        assertThat(future.get("enabled")).isEqualTo(Value.of(true));
        assertThat(future.get("ratio")).isEqualTo(new Value.Num(new BigDecimal("0.25")));
        assertThat(((Value.Obj) subnet.properties().get("natGateway")).get("id"))
                .isEqualTo(Value.of(RG + "/Microsoft.Network/natGateways/natgw1"));
        Resource vnet = find(live, RG + "/Microsoft.Network/virtualNetworks/vnet1");
        assertThat(vnet.properties().has("defaultPublicNatGateway")).isTrue();
        assertThat(vnet.body().get("etag")).isEqualTo(Value.of("W/\"1\""));
        assertThat(vnet.apiVersion()).isEqualTo("2025-03-01");
        assertThat(vnet.provenance().portalLink()).isEqualTo(
                "https://portal.azure.com/#@" + TENANT + "/resource" + RG + "/Microsoft.Network/virtualNetworks/vnet1");
    }

    @Test
    void givesAgentPoolsAndInstanceNicsTheShapeOfTheirOwnApis() {
        TestSupport.fixtureSubscription(fake);

        LiveInventory live = collect();

        Resource pool = find(live, RG + "/Microsoft.ContainerService/managedClusters/aks1/agentPools/pool1");
        assertThat(pool.properties().get("enableNodePublicIP")).isEqualTo(Value.of(true));
        assertThat(pool.properties().has("name")).isFalse();
        // The service spells the cluster type "ManagedClusters"; the model uses the documented casing.
        assertThat(find(live, RG + "/Microsoft.ContainerService/managedClusters/aks1").type())
                .isEqualTo("Microsoft.ContainerService/managedClusters");
        String vmss = MC + "/Microsoft.Compute/virtualMachineScaleSets/aks-pool1-vmss";
        Resource instanceNic = find(live, vmss + "/virtualMachines/0/networkInterfaces/aks-pool1-vmss");
        assertThat(instanceNic.type()).isEqualTo("Microsoft.Network/networkInterfaces");
        assertThat(instanceNic.apiVersion()).isEqualTo("2018-10-01");
        assertThat(find(live, vmss + "/virtualMachines/0/networkInterfaces/aks-pool1-vmss/ipConfigurations/ipconfig1/publicIPAddresses/pub1")
                .type()).isEqualTo("Microsoft.Network/publicIPAddresses");
    }

    @Test
    void followsNextLinkOverThreePages() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        List<JsonNode> nics = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            nics.add(ArmJson.nic(SUB, "nic" + i, "default"));
        }
        fake.list(FakeArm.typePath(SUB, ListedType.NIC), ListedType.NETWORK, nics, 3);

        LiveInventory live = collect();

        assertThat(live.resources()).extracting(Resource::name)
                .containsExactly("nic0", "nic1", "nic2", "nic3", "nic4", "nic5", "nic6");
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/networkInterfaces"))
                .extracting(FakeArm.Request::skipToken).containsExactly(null, "page1", "page2");
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 2);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnA429ThenReads() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.NAT_GATEWAY), ListedType.NETWORK),
                FakeArm.Reply.status(429, "TooManyRequests", "throttled").header("Retry-After", "7"),
                FakeArm.Reply.json(ArmJson.list(ArmJson.natGateway(SUB, "natgw1"))));

        LiveInventory live = collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(live.gaps()).isEmpty();
        assertThat(live.resources()).extracting(Resource::name).containsExactly("natgw1");
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 1);
    }

    @Test
    void retriesA500AndThenReads() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.VNET), ListedType.NETWORK),
                FakeArm.Reply.status(500, "InternalServerError", "try again"),
                FakeArm.Reply.json(ArmJson.list(ArmJson.vnet(SUB, "vnet1", 2))));

        LiveInventory live = collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(live.gaps()).isEmpty();
        assertThat(live.resources()).extracting(Resource::name).containsExactly("vnet1");
        assertThat(TestSupport.normalised(live)).extracting(Resource::name).containsExactly("vnet1", "subnet0", "subnet1");
    }

    @Test
    void givesUpOnA5xxAfterBoundedRetriesAndReportsTheRequest() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.LOAD_BALANCER), ListedType.NETWORK),
                FakeArm.Reply.status(503, "ServiceUnavailable", "down for maintenance"));

        LiveInventory live = TestSupport.audit(fake, sleeper).maxRetries(2).build().collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/loadBalancers")).hasSize(3);
        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(g.message()).isEqualTo("GET " + fake.endpoint() + "/subscriptions/" + SUB
                    + "/providers/Microsoft.Network/loadBalancers?api-version=2025-03-01: 503 ServiceUnavailable:"
                    + " down for maintenance — Microsoft.Network/loadBalancers of subscription " + SUB + " are not audited");
        });
    }

    @Test
    void aForbiddenSubscriptionIsACoverageGapWhileTheOtherIsRead() {
        String other = "22222222-2222-2222-2222-222222222222";
        fake.subscriptions(TENANT, SUB, other).emptySubscription(SUB);
        fake.list(FakeArm.typePath(SUB, ListedType.NIC), ListedType.NETWORK, List.of(ArmJson.nic(SUB, "nic-a", "default")));
        String message = "The client 'auditor@contoso.com' with object id '0000' does not have authorization to perform"
                + " action 'Microsoft.Network/virtualNetworks/read' over scope '/subscriptions/" + other + "'";
        fake.on(r -> r.path().startsWith("/subscriptions/" + other + "/"), FakeArm.Reply.status(403, "AuthorizationFailed", message));

        LiveInventory live = collect();

        assertThat(live.resources()).extracting(Resource::name).containsExactly("nic-a");
        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(g.location().file()).isEqualTo("/subscriptions/" + other);
            assertThat(g.message()).isEqualTo("subscription " + other + ": 403 AuthorizationFailed: " + message
                    + " — its resources are not audited");
        });
        assertThat(live.isIncomplete()).isTrue();
        assertThat(live.scopes()).containsExactly("/subscriptions/" + SUB, "/subscriptions/" + other);
        assertThat(fake.requests()).filteredOn(r -> r.path().startsWith("/subscriptions/" + other + "/")).hasSize(10);
    }

    @Test
    void aRoleThatReadsSomeTypesButNotOthersLeavesAGapPerType() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.list(FakeArm.typePath(SUB, ListedType.NIC), ListedType.NETWORK, List.of(ArmJson.nic(SUB, "nic-a", "default")));
        fake.on(r -> r.path().contains("/providers/Microsoft.Compute/"),
                FakeArm.Reply.status(403, "AuthorizationFailed", "no compute read"));

        LiveInventory live = collect();

        assertThat(live.resources()).extracting(Resource::name).containsExactly("nic-a");
        assertThat(live.gaps()).extracting(Diagnostic::message).containsExactly(
                "subscription " + SUB + ": 403 AuthorizationFailed listing Microsoft.Compute/virtualMachines: no compute read"
                        + " — those resources are not audited",
                "subscription " + SUB + ": 403 AuthorizationFailed listing Microsoft.Compute/virtualMachineScaleSets:"
                        + " no compute read — those resources are not audited");
    }

    @Test
    void aDeletedSubscriptionIsOneGap() {
        fake.subscriptions(TENANT, SUB);
        fake.on(r -> r.path().startsWith("/subscriptions/" + SUB + "/"),
                FakeArm.Reply.status(404, "SubscriptionNotFound", "The subscription '" + SUB + "' could not be found."));

        LiveInventory live = collect();

        assertThat(live.gaps()).extracting(Diagnostic::message).containsExactly("subscription " + SUB
                + ": 404 SubscriptionNotFound: The subscription '" + SUB + "' could not be found. — its resources are not audited");
        assertThat(live.requestCount()).isEqualTo(2);
    }

    @Test
    void aMalformedResponseNamesTheRequestAndTheRestIsStillRead() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.list(FakeArm.typePath(SUB, ListedType.NAT_GATEWAY), ListedType.NETWORK, List.of(ArmJson.natGateway(SUB, "natgw1")));
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.NIC), ListedType.NETWORK),
                new FakeArm.Reply(200, "{\"value\": [ {\"id\": \"/subscriptions/x\", ", Map.of()));

        LiveInventory live = collect();

        assertThat(live.resources()).extracting(Resource::name).containsExactly("natgw1");
        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(g.message()).startsWith("GET " + fake.endpoint() + "/subscriptions/" + SUB
                    + "/providers/Microsoft.Network/networkInterfaces?api-version=2025-03-01: MalformedResponse:"
                    + " the response is not valid JSON (");
            assertThat(g.message()).endsWith("— Microsoft.Network/networkInterfaces of subscription " + SUB + " are not audited");
        });
    }

    @Test
    void aPageThatIsNotAListIsMalformedAndItsSkipTokenIsMasked() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        String path = FakeArm.typePath(SUB, ListedType.PUBLIC_IP);
        ObjectNode first = ArmJson.list(ArmJson.publicIp(SUB, "pip1"));
        first.put("nextLink", fake.endpoint() + path + "?api-version=2025-03-01&$skipToken=secret-token-123");
        fake.on(FakeArm.get(path, ListedType.NETWORK), FakeArm.Reply.json(first));
        fake.on(FakeArm.getPage(path, ListedType.NETWORK, "secret-token-123"),
                FakeArm.Reply.json(FakeArm.JSON.createObjectNode().put("value", "not an array")));

        LiveInventory live = collect();

        assertThat(live.resources()).extracting(Resource::name).containsExactly("pip1");
        assertThat(live.gaps()).singleElement().extracting(Diagnostic::message).asString()
                .contains("GET " + fake.endpoint() + path + "?api-version=2025-03-01&$skipToken=***: MalformedResponse:"
                        + " expected a list: an object with a 'value' array")
                .doesNotContain("secret-token-123");
    }

    @Test
    void neverFollowsANextLinkOffTheArmEndpoint() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        String path = FakeArm.typePath(SUB, ListedType.ROUTE_TABLE);
        ObjectNode first = ArmJson.list();
        first.put("nextLink", "https://attacker.example/steal?api-version=2025-03-01");
        fake.on(FakeArm.get(path, ListedType.NETWORK), FakeArm.Reply.json(first));

        LiveInventory live = collect();

        assertThat(live.gaps()).singleElement().extracting(Diagnostic::message).asString()
                .contains("nextLink points to https://attacker.example, not the ARM endpoint");
        assertThat(live.requestCount()).isEqualTo(1 + 10);
    }

    @Test
    void anUnregisteredProviderMeansNoneOfItsResourcesAndIsNotRegistered() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.AKS), ListedType.CONTAINER_SERVICE),
                FakeArm.Reply.status(409, "MissingSubscriptionRegistration",
                        "The subscription is not registered to use namespace 'Microsoft.ContainerService'."));

        LiveInventory live = collect();

        assertThat(live.gaps()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(Diagnostic.Level.INFO);
            assertThat(g.message()).isEqualTo("subscription " + SUB
                    + ": Microsoft.ContainerService is not registered, so it holds no Microsoft.ContainerService/managedClusters");
        });
        assertThat(live.isIncomplete()).isFalse();
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void aRequestedSubscriptionTheIdentityCannotSeeIsAGapWithoutRequests() {
        String hidden = "33333333-3333-3333-3333-333333333333";
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB, hidden).build().collect();

        assertThat(live.gaps()).singleElement().extracting(Diagnostic::message).isEqualTo("subscription " + hidden
                + ": not visible to this identity (not in GET /subscriptions) — its resources are not audited");
        assertThat(fake.requests()).noneMatch(r -> r.path().contains(hidden));
        assertThat(live.scopes()).containsExactly("/subscriptions/" + SUB, "/subscriptions/" + hidden);
        assertThat(live.requestCount()).isEqualTo(1 + 10);
    }

    @Test
    void fiveThousandNicsAndFiveHundredSubnetsTakeFifteenRequests() {
        fake.subscriptions(TENANT, SUB).emptySubscription(SUB);
        List<JsonNode> vnets = new ArrayList<>();
        for (int v = 0; v < 50; v++) {
            vnets.add(ArmJson.vnet(SUB, "vnet" + v, 10));
        }
        List<JsonNode> nics = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            nics.add(ArmJson.nic(SUB, "nic" + i, "vnet" + (i % 50)));
        }
        fake.list(FakeArm.typePath(SUB, ListedType.VNET), ListedType.NETWORK, vnets);
        fake.list(FakeArm.typePath(SUB, ListedType.NIC), ListedType.NETWORK, nics, 1000);

        LiveInventory live = collect();

        assertThat(live.resources()).filteredOn(r -> r.isType("Microsoft.Network/networkInterfaces")).hasSize(5000);
        assertThat(TestSupport.normalised(live)).filteredOn(r -> r.isType("Microsoft.Network/virtualNetworks/subnets")).hasSize(500);
        // 1 subscription list + 10 type lists + 4 more NIC pages: never a request per resource.
        assertThat(live.requestCount()).isEqualTo(15);
        System.out.println("5,000 NICs + 500 subnets (50 vnets) in one subscription: " + live.requestCount()
                + " requests, " + live.resources().size() + " listed resources");
    }
}
