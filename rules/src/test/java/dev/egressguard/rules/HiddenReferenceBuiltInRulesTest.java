package dev.egressguard.rules;

import dev.egressguard.core.expression.SymbolParser;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in rules on a node whose reference (its subnet, its backend pool, its public IP) is
 * hidden behind each kind of Unknown: graphs built from resources directly, normalised as in a
 * run. Each case lists every evaluation of the rule and checks that an UNKNOWN names the unknown.
 */
class HiddenReferenceBuiltInRulesTest {

    private static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";
    private static final String SUBNET_ID = RG + "Microsoft.Network/virtualNetworks/vnet/subnets/nodes";
    private static final String SYMBOLIC_VNET = "[parameters('v')]-vnet";
    private static final String POOL_ID = RG + "Microsoft.Network/loadBalancers/lb/backendAddressPools/pool";

    /** A vnet with subnet 'nodes' (no NAT gateway), and a public load balancer whose rule serves 'pool'. */
    private static List<Resource> network(String vnetName) {
        return List.of(
                resource("Microsoft.Network/virtualNetworks/" + vnetName, """
                        {"properties": {"subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}}]}}"""),
                resource("Microsoft.Network/publicIPAddresses/lb-pip", "{\"properties\": {}}"),
                resource("Microsoft.Network/loadBalancers/lb", """
                        {"properties": {
                          "frontendIPConfigurations": [{"name": "fe", "properties": {"publicIPAddress": {"id": "%s"}}}],
                          "backendAddressPools": [{"name": "pool"}],
                          "loadBalancingRules": [{"name": "http", "properties": {"backendAddressPool": {"id": "%s"}}}]}}"""
                        .formatted(RG + "Microsoft.Network/publicIPAddresses/lb-pip", POOL_ID)));
    }

    /** How the NIC's ipConfigurations hide its subnet. */
    enum SubnetHiding {
        WHOLE_ARRAY("\"<unknown:reference(nicDeployment).outputs.ipConfigurations>\"", "nic", null),
        ONE_ELEMENT("[\"<unknown:reference(nicDeployment).outputs.ipConfiguration>\"]", "nic", null),
        OBJECT(ipConfiguration("\"subnet\": \"<unknown:reference(vnetDeployment).outputs.subnet>\""), "nodes", "nic/ipconfig1"),
        ID_STRING(ipConfiguration("\"subnet\": {\"id\": \"<unknown:reference(vnetDeployment).outputs.subnetId>\"}"), "nodes",
                "nic/ipconfig1"),
        OPEN_OBJECT_WITHOUT_ID(ipConfiguration("\"subnet\": {\"<open>\": \"the runtime state of reference(vnet)\"}"), "nodes",
                "nic/ipconfig1"),
        SYMBOLIC_ID_NAMING_NO_RESOURCE(ipConfiguration("\"subnet\": {\"id\": \"<symbol:" + RG
                + "Microsoft.Network/virtualNetworks/[parameters('other')]-vnet/subnets/nodes>\"}"), "nodes", "nic/ipconfig1"),
        SYMBOLIC_ID_NAMING_THE_SUBNET(ipConfiguration("\"subnet\": {\"id\": \"<symbol:" + RG
                + "Microsoft.Network/virtualNetworks/" + SYMBOLIC_VNET + "/subnets/nodes>\"}"), null, null);

        final String ipConfigurations;
        /** The resources whose EG002 verdict the unknown makes UNKNOWN (display names). */
        final List<String> unknown;

        SubnetHiding(String ipConfigurations, String... unknown) {
            this.ipConfigurations = ipConfigurations;
            this.unknown = java.util.Arrays.stream(unknown).filter(java.util.Objects::nonNull)
                    .map(n -> n.equals("nodes") ? "vnet/nodes" : n).toList();
        }
    }

    private static String ipConfiguration(String properties) {
        return "[{\"name\": \"ipconfig1\", \"properties\": {" + properties + "}}]";
    }

    @ParameterizedTest
    @EnumSource(SubnetHiding.class)
    void eg002OnASubnetReferenceHiddenBehindAnUnknown(SubnetHiding h) {
        boolean symbolic = h == SubnetHiding.SYMBOLIC_ID_NAMING_THE_SUBNET;
        List<Resource> resources = new ArrayList<>(network(symbolic ? SYMBOLIC_VNET : "vnet"));
        resources.add(resource("Microsoft.Network/networkInterfaces/nic",
                "{\"properties\": {\"ipConfigurations\": " + h.ipConfigurations + "}}"));

        Pipeline.Run run = Pipeline.check(resources, List.of(), Map.of());

        if (symbolic) {
            // The template decides: the NIC is in subnet 'nodes', which has no NAT gateway.
            assertThat(evaluations(run, "EG002")).containsExactly("FAIL " + SYMBOLIC_VNET + "/nodes");
            return;
        }
        assertThat(evaluations(run, "EG002")).as("no resource passes or fails: the unknown decides")
                .allMatch(e -> e.startsWith("UNKNOWN "));
        assertThat(evaluations(run, "EG002")).containsExactlyInAnyOrderElementsOf(
                h.unknown.stream().map(n -> "UNKNOWN " + n).toList());
        for (Finding f : run.findings("EG002")) {
            assertThat(f.message()).as(f.resourceName()).containsAnyOf("reference(nicDeployment)", "reference(vnetDeployment)",
                    "reference(vnet)", "[parameters('other')]");
        }
    }

    /** How the scale set's ipConfiguration hides its backend pool; its subnet is 'nodes', without NAT gateway. */
    enum PoolHiding {
        WHOLE_ARRAY("\"<unknown:reference(lbDeployment).outputs.pools>\"", "reference(lbDeployment).outputs.pools"),
        ONE_ELEMENT("[\"<unknown:reference(lbDeployment).outputs.pool>\"]", "reference(lbDeployment).outputs.pool"),
        ID_STRING("[{\"id\": \"<unknown:reference(lbDeployment).outputs.poolId>\"}]", "reference(lbDeployment).outputs.poolId"),
        OPEN_OBJECT_WITHOUT_ID("[{\"<open>\": \"the runtime state of reference(lb)\", \"name\": \"pool\"}]",
                "the runtime state of reference(lb)"),
        SYMBOLIC_ID_NAMING_NO_RESOURCE("[{\"id\": \"<symbol:" + RG
                + "Microsoft.Network/loadBalancers/[parameters('lb')]/backendAddressPools/pool>\"}]", "[parameters('lb')]"),
        OPEN_OBJECT_WITH_THE_ID("[{\"<open>\": \"the runtime state of reference(lb)\", \"name\": \"pool\", \"id\": \""
                + POOL_ID + "\"}]", null);

        final String pools;
        final String unknownNamed;

        PoolHiding(String pools, String unknownNamed) {
            this.pools = pools;
            this.unknownNamed = unknownNamed;
        }
    }

    @ParameterizedTest
    @EnumSource(PoolHiding.class)
    void eg003OnABackendPoolHiddenBehindAnUnknown(PoolHiding h) {
        List<Resource> resources = new ArrayList<>(network("vnet"));
        resources.add(resource("Microsoft.Compute/virtualMachineScaleSets/web", """
                {"properties": {"virtualMachineProfile": {"networkProfile": {"networkInterfaceConfigurations": [
                  {"name": "nic", "properties": {"ipConfigurations": [{"name": "ipconfig", "properties": {
                    "subnet": {"id": "%s"}, "loadBalancerBackendAddressPools": %s}}]}}]}}}}""".formatted(SUBNET_ID, h.pools)));

        Pipeline.Run run = Pipeline.check(resources, List.of(), Map.of());

        String node = "UNKNOWN web/nic/ipconfig";
        if (h.unknownNamed == null) {
            // The runtime state declares the pool's id: a public pool served by a rule, no NAT gateway.
            assertThat(evaluations(run, "EG003")).contains("FAIL web/nic/ipconfig");
            assertThat(run.findings("EG004")).extracting(Finding::message)
                    .noneMatch(m -> m.contains("on Azure's default outbound access"));
            return;
        }
        assertThat(evaluations(run, "EG003")).contains(node).noneMatch(e -> e.endsWith("web/nic/ipconfig") && !e.equals(node));
        assertThat(run.findings("EG003")).filteredOn(f -> f.resourceId().endsWith("/ipConfigurations/ipconfig"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains(h.unknownNamed));
        // EG004 cannot say the nodes use default outbound access: they may leave through the pool.
        assertThat(run.findings("EG004")).extracting(Finding::message)
                .noneMatch(m -> m.contains("on Azure's default outbound access") && !m.contains("unknown"));
    }

    /** EG001 on a NIC whose public IP the template does not decide. */
    enum PublicIpHiding {
        WHOLE_ARRAY("\"<unknown:reference(nicDeployment).outputs.ipConfigurations>\"", "UNKNOWN nic"),
        OPEN_IP_CONFIGURATION("[{\"<open>\": \"the runtime state of reference(nic)\", \"name\": \"ipconfig1\","
                + " \"properties\": {\"<open>\": \"the runtime state of reference(nic)\"}}]", "UNKNOWN nic"),
        ID_STRING("[{\"name\": \"ipconfig1\", \"properties\": {\"publicIPAddress\": {\"id\": \"<unknown:reference(pipDeployment).outputs.id>\"}}}]",
                "FAIL nic"),
        CLOSED_WITHOUT_PUBLIC_IP("[{\"name\": \"ipconfig1\", \"properties\": {}}]", "PASS nic");

        final String ipConfigurations;
        final String expected;

        PublicIpHiding(String ipConfigurations, String expected) {
            this.ipConfigurations = ipConfigurations;
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(PublicIpHiding.class)
    void eg001OnAPublicIpHiddenBehindAnUnknown(PublicIpHiding h) {
        Resource nic = resource("Microsoft.Network/networkInterfaces/nic",
                "{\"properties\": {\"ipConfigurations\": " + h.ipConfigurations + "}}");

        Pipeline.Run run = Pipeline.check(List.of(nic), List.of(), Map.of());

        // A public IP whose id is unknown is still a public IP: FAIL. One an open object may hold: UNKNOWN.
        assertThat(evaluations(run, "EG001")).containsExactly(h.expected);
    }

    private static List<String> evaluations(Pipeline.Run run, String rule) {
        return run.result().evaluations().stream().filter(e -> e.ruleId().equals(rule))
                .map(HiddenReferenceBuiltInRulesTest::show).toList();
    }

    private static String show(Evaluation e) {
        return e.outcome() + " " + Fixture.display(e.resourceId());
    }

    /** A resource from JSON where "<unknown:r>", "<symbol:text>" and an "<open>" key stand for what JSON cannot say. */
    private static Resource resource(String relativeId, String json) {
        ResourceId id = ResourceId.parse(RG + relativeId).orElseThrow();
        Value.Obj body = (Value.Obj) convert(JsonText.parse(json));
        return new Resource(id, id.type(), id.name(), "2024-01-01", body, Provenance.UNKNOWN);
    }

    private static Value convert(Value v) {
        if (v instanceof Value.Str s && s.value().startsWith("<unknown:")) {
            return new Value.Unknown(s.value().substring(9, s.value().length() - 1), SourceLocation.NONE);
        }
        if (v instanceof Value.Str s && s.value().startsWith("<symbol:")) {
            String text = s.value().substring(8, s.value().length() - 1);
            return new Value.Unknown("built from a parameter without value: " + text, SourceLocation.NONE,
                    SymbolParser.parse(text).orElseThrow());
        }
        if (v instanceof Value.Arr a) {
            return new Value.Arr(a.items().stream().map(HiddenReferenceBuiltInRulesTest::convert).toList());
        }
        if (v instanceof Value.Obj o) {
            Map<String, Value> fields = new LinkedHashMap<>();
            Value.Unknown rest = null;
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                if (e.getKey().equals("<open>")) {
                    rest = new Value.Unknown(((Value.Str) e.getValue()).value(), SourceLocation.NONE);
                } else {
                    fields.put(e.getKey(), convert(e.getValue()));
                }
            }
            return new Value.Obj(fields, rest);
        }
        return v;
    }
}
