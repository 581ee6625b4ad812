package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest.Mode;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit against the Azure REST API spec examples and recordings in shared/arm-responses,
 * served as a fake ARM endpoint would: real shapes, real quirks (placeholders in ids, a
 * "ManagedClusters" type, properties newer than the SDK).
 */
class SharedFixturesTest {

    private static final String SUB = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";

    private Path dir;
    private FakeArm fake;
    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    @BeforeEach
    void locate() {
        String shared = System.getProperty("egress.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "arm-responses")),
                "shared/arm-responses is not beside the project");
        dir = Path.of(shared, "arm-responses");
        fake = new FakeArm();
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private JsonNode file(String name) {
        Path p = dir.resolve(name);
        assertThat(p).as("listed in arm-responses/README.md").exists();
        try {
            return FakeArm.JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec example's 200 body, an extract's body, or the recording's response body. */
    private JsonNode body(String name) {
        JsonNode root = file(name);
        if (root.has("responses")) {
            return root.path("responses").path("200").path("body");
        }
        if (root.has("ResponseBody")) {
            return root.get("ResponseBody");
        }
        return root;
    }

    /** The items of list examples and single-resource examples together, nextLinks dropped. */
    private List<JsonNode> items(String... names) {
        List<JsonNode> out = new ArrayList<>();
        for (String name : names) {
            JsonNode b = body(name);
            if (b.has("value")) {
                b.get("value").forEach(out::add);
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private void serve(String type, String... names) {
        ListedType t = ListedType.forType(type);
        fake.list(FakeArm.typePath(SUB, type), t.apiVersion(), distinctIds(items(names)));
    }

    /** Spec examples reuse one id ("clustername1") for different clusters; a subscription never does. */
    private static List<JsonNode> distinctIds(List<JsonNode> items) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode copy = item.deepCopy();
            String id = copy.path("id").asText();
            for (int n = 2; !seen.add(id.toLowerCase(java.util.Locale.ROOT)); n++) {
                id = item.path("id").asText() + "-" + n;
                copy.put("id", id).put("name", item.path("name").asText() + "-" + n);
            }
            out.add(copy);
        }
        return out;
    }

    @Test
    void readsTheSpecExamplesRawAndWhole() {
        fake.list("/subscriptions", ListedType.SUBSCRIPTIONS, items("resources-2022-12-01/GetSubscriptions.json"));
        serve(ListedType.VNET, "network-2025-03-01/VirtualNetworkListAll.json", "network-2025-03-01/VirtualNetworkGet.json",
                "synthetic/vnet-aks-natgw-subnet.json",
                "recorded/NetworkInterfaceOperationsTests.canAssociateNatGateway.vnet-GET-entry.json");
        serve(ListedType.NIC, "network-2025-03-01/NetworkInterfaceList.json");
        serve(ListedType.PUBLIC_IP, "network-2025-03-01/PublicIpAddressListAll.json");
        serve(ListedType.PUBLIC_IP_PREFIX);
        serve(ListedType.NAT_GATEWAY, "network-2025-03-01/NatGatewayListAll.json");
        serve(ListedType.LOAD_BALANCER, "network-2025-03-01/LoadBalancerGet.json",
                "network-2025-03-01/LoadBalancerCreateWithOutboundRules.response200.json");
        serve(ListedType.ROUTE_TABLE);
        serve(ListedType.VM, "compute-2025-04-01/VirtualMachine_Get.json");
        serve(ListedType.VMSS, "synthetic/vmss-uniform-public-ip-per-instance.json",
                "compute-2025-04-01/VirtualMachineScaleSet_ListAll_MaximumSet_Gen.networkProfile-extract.json");
        serve(ListedType.AKS, "aks-2025-09-01/ManagedClustersList.json",
                "aks-2025-09-01/ManagedClustersCreate_UserAssignedNATGateway.json",
                "aks-2025-09-01/ManagedClustersCreate_ManagedNATGateway.response200.json",
                "aks-2025-09-01/ManagedClustersCreate_NodePublicIPPrefix.response200.json",
                "synthetic/aks-udr-vnetsubnet.json");
        List<JsonNode> scaleSets = items("synthetic/vmss-uniform-public-ip-per-instance.json",
                "compute-2025-04-01/VirtualMachineScaleSet_ListAll_MaximumSet_Gen.networkProfile-extract.json");
        for (JsonNode vmss : scaleSets) {
            fake.list(vmss.path("id").asText() + "/networkInterfaces", ListedType.VMSS_INSTANCE_NETWORK, List.of());
            fake.list(vmss.path("id").asText() + "/publicipaddresses", ListedType.VMSS_INSTANCE_NETWORK, List.of());
        }

        LiveInventory live = TestSupport.audit(fake, sleeper).subscriptions(SUB).build().collect();

        assertThat(fake.unmatched()).isEmpty();
        assertThat(live.gaps()).isEmpty();
        // subscriptions + 10 lists + 2 per Uniform scale set with per-instance public IPs (both are)
        assertThat(live.requestCount()).isEqualTo(1 + 10 + 2 * 2);

        // Every served element is a resource whose body is exactly the JSON served.
        List<JsonNode> served = new ArrayList<>();
        for (String f : List.of("network-2025-03-01/NetworkInterfaceList.json", "network-2025-03-01/PublicIpAddressListAll.json",
                "network-2025-03-01/NatGatewayListAll.json", "compute-2025-04-01/VirtualMachine_Get.json",
                "synthetic/vnet-aks-natgw-subnet.json", "aks-2025-09-01/ManagedClustersGet.json".replace("Get", "List"))) {
            served.addAll(items(f));
        }
        for (JsonNode item : served) {
            Resource r = byId(live, item.path("id").asText());
            assertThat(r.body()).isEqualTo(JsonToValue.object(item));
            assertThat(r.provenance().portalLink()).isEqualTo("https://portal.azure.com/#@31c75423-32d6-4322-88b7-c478bdde4858/resource"
                    + item.path("id").asText());
        }

        // 2025-03-01 adds defaultPublicNatGateway to vnets; no re-serialised SDK model would carry it.
        Resource vnet1 = live.resources().stream().filter(r -> r.isType(ListedType.VNET) && r.name().equals("vnet1"))
                .findFirst().orElseThrow();
        assertThat(vnet1.properties().has("defaultPublicNatGateway")).isTrue();

        Resource natSubnet = byId(live, "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers"
                + "/Microsoft.Network/virtualNetworks/aks-vnet/subnets/aks-nodes");
        assertThat(natSubnet.properties().get("defaultOutboundAccess")).isEqualTo(Value.of(false));

        Resource udrPool = byId(live, "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-aks/providers"
                + "/Microsoft.ContainerService/managedClusters/aks2/agentPools/system");
        assertThat(udrPool.properties().get("vnetSubnetID")).isEqualTo(Value.of(natSubnet.id().toString()));
        assertThat(TestSupport.normalised(live)).filteredOn(r -> r.isType("Microsoft.ContainerService/managedClusters/agentPools"))
                .anySatisfy(p -> assertThat(p.properties().get("enableNodePublicIP")).isEqualTo(Value.of(true)));
        assertThat(TestSupport.normalised(live)).filteredOn(r -> r.isType("Microsoft.Network/loadBalancers/outboundRules")).isNotEmpty();
        assertThat(live.resources()).extracting(Resource::type).doesNotContain("Microsoft.ContainerService/ManagedClusters");
    }

    @Test
    void honoursRetryAfterOnTheArmThrottlingBody() {
        fake.subscriptions(TestSupport.TENANT, SUB).emptySubscription(SUB);
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.VM), ListedType.COMPUTE),
                new FakeArm.Reply(429, file("synthetic/arm-error-429.json").toString(), Map.of("Retry-After", "1")),
                FakeArm.Reply.json(ArmJson.list(items("compute-2025-04-01/VirtualMachine_Get.json").toArray(JsonNode[]::new))));

        LiveInventory live = TestSupport.audit(fake, sleeper).build().collect();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(live.resources()).extracting(Resource::type).containsExactly(ListedType.VM);
    }

    @Test
    void readsTheResourceGraphExamplesPageByPage() {
        String s0 = "00000000-0000-0000-0000-000000000000";
        ObjectNode visible = FakeArm.JSON.createObjectNode();
        visible.putArray("data").addObject().put("subscriptionId", s0).put("tenantId", TestSupport.TENANT);
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(visible));
        JsonNode page1 = file("synthetic/resourcegraph-page1.json");
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(page1));
        fake.on(FakeArm.graph("resources", page1.path("$skipToken").asText()),
                FakeArm.Reply.json(file("synthetic/resourcegraph-page2.json")));

        LiveInventory live = TestSupport.audit(fake, sleeper).mode(Mode.RESOURCE_GRAPH).subscriptions(s0).build().collect();

        assertThat(live.gaps()).isEmpty();
        assertThat(live.resources()).extracting(Resource::type, Resource::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/natGateways", "aks-natgw"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/virtualNetworks", "aks-vnet"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.ContainerService/managedClusters", "aks2"));
        assertThat(live.requestCount()).isEqualTo(3);
        // The spec examples' shape (data rows with lower-case types) reads the same way.
        for (String example : List.of("resourcegraph-2021-03-01/ResourcesBasicQuery.json",
                "resourcegraph-2021-03-01/ResourcesPropertiesQuery.json")) {
            assertThat(body(example).path("data").isArray()).as(example).isTrue();
        }
    }

    private static Resource byId(LiveInventory live, String id) {
        ResourceId wanted = ResourceId.parse(id).orElseThrow();
        return TestSupport.normalised(live).stream().filter(r -> r.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + id));
    }
}
