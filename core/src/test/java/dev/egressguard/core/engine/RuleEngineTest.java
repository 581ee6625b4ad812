package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.finding.RuleDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.egressguard.core.rule.Resources.id;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** A template's resources, the rules, the expected findings. */
class RuleEngineTest {

    private static final String RULES = """
            apiVersion: egressguard.dev/v1
            kind: RuleSet
            rules:
              - id: EG001
                name: no-instance-public-ip
                title: Nodes must not get a public IP of their own
                severity: error
                remediation: Remove publicIPAddressConfiguration; give the subnet a NAT gateway.
                select:
                  type: Microsoft.Compute/virtualMachineScaleSets
                assert:
                  field: properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations[*].properties.ipConfigurations[*].properties.publicIPAddressConfiguration
                  exists: false
                message: "Scale set '{name}' gives every instance a public IP ({path})."

              - id: EG002
                name: nat-gateway-on-node-subnets
                severity: error
                select:
                  type: Microsoft.Network/virtualNetworks/subnets
                  where:
                    referencedBy:
                      type: [Microsoft.Network/networkInterfaces, Microsoft.Compute/virtualMachineScaleSets]
                assert:
                  ref: properties.natGateway.id
                  type: Microsoft.Network/natGateways
                  assert:
                    count: {field: "properties.publicIpAddresses[*]"}
                    greater: 0
                message: "Subnet '{name}' of '{parent}' has no working NAT gateway: {reason}"
            """;

    private static final Resource VNET = resource("Microsoft.Network/virtualNetworks/vnet", "{'name': 'vnet'}");

    private static Resource subnet(String name, String natGatewayId) {
        String nat = natGatewayId == null ? "" : ", 'natGateway': {'id': '" + natGatewayId + "'}";
        return resource("Microsoft.Network/virtualNetworks/vnet/subnets/" + name,
                "{'name': 'vnet/" + name + "', 'properties': {'addressPrefix': '10.0.0.0/24'" + nat + "}}");
    }

    private static Resource scaleSet(String name, String subnet, boolean publicIp) {
        String pip = publicIp ? ", 'publicIPAddressConfiguration': {'name': 'pub'}" : "";
        return resource("Microsoft.Compute/virtualMachineScaleSets/" + name, """
                {'name': '%s', 'properties': {'virtualMachineProfile': {'networkProfile': {'networkInterfaceConfigurations': [
                  {'name': 'nic', 'properties': {'ipConfigurations': [
                     {'name': 'ip', 'properties': {'subnet': {'id': '%s'}%s}}]}}]}}}}
                """.formatted(name, id("Microsoft.Network/virtualNetworks/vnet/subnets/" + subnet), pip));
    }

    private static RuleEngine.Result run(RuleEngine.Options options, Resource... resources) {
        RuleSet rules = RuleSetLoader.parse("egress.yaml", RULES);
        assertThat(rules.diagnostics()).isEmpty();
        return new RuleEngine(rules.rules(), options).evaluate(ResourceGraph.of(List.of(resources)));
    }

    @Test
    void scaleSetWithPublicIpFailsWithThePropertyItsLocationAndTheMessage() {
        RuleEngine.Result result = run(RuleEngine.Options.DEFAULT, VNET, subnet("nodes", id("Microsoft.Network/natGateways/nat")),
                resource("Microsoft.Network/natGateways/nat", "{'properties': {'publicIpAddresses': [{'id': '" + id("Microsoft.Network/publicIPAddresses/ip") + "'}]}}"),
                scaleSet("pool", "nodes", true));

        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("EG001");
        assertThat(f.ruleName()).isEqualTo("no-instance-public-ip");
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.resourceName()).isEqualTo("pool");
        assertThat(f.path()).isEqualTo("/properties/virtualMachineProfile/networkProfile/networkInterfaceConfigurations/0"
                + "/properties/ipConfigurations/0/properties/publicIPAddressConfiguration");
        assertThat(f.location()).isEqualTo(new SourceLocation("main.json", 16, 7));
        assertThat(f.message()).isEqualTo("Scale set 'pool' gives every instance a public IP (properties.virtualMachineProfile"
                + ".networkProfile.networkInterfaceConfigurations[0].properties.ipConfigurations[0].properties.publicIPAddressConfiguration).");
        assertThat(f.remediation()).startsWith("Remove publicIPAddressConfiguration");
        assertThat(result.evaluations()).extracting(Evaluation::ruleId, Evaluation::resourceName, Evaluation::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EG001", "pool", Outcome.FAIL),
                        org.assertj.core.groups.Tuple.tuple("EG002", "nodes", Outcome.PASS));
    }

    @Test
    void nodeSubnetWithoutNatGatewayFailsAndAnUnusedSubnetIsNotEvaluated() {
        RuleEngine.Result result = run(RuleEngine.Options.DEFAULT, VNET, subnet("nodes", null), subnet("spare", null),
                scaleSet("pool", "nodes", false));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("EG002");
            assertThat(f.resourceName()).isEqualTo("nodes");
            assertThat(f.path()).isEqualTo("/properties/natGateway/id");
            assertThat(f.message()).isEqualTo("Subnet 'nodes' of 'vnet' has no working NAT gateway: "
                    + "properties.natGateway.id is missing: no resource to follow");
        });
        assertThat(result.evaluations()).extracting(Evaluation::resourceName).containsExactly("pool", "nodes");
    }

    @Test
    void natGatewayOutsideTheTemplateIsUnknown() {
        RuleEngine.Result result = run(RuleEngine.Options.DEFAULT, VNET, subnet("nodes", id("Microsoft.Network/natGateways/elsewhere")),
                scaleSet("pool", "nodes", false));

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(f.message()).contains("refers to " + id("Microsoft.Network/natGateways/elsewhere")
                    + ", which is not among the evaluated resources");
        });
    }

    @Test
    void natGatewayWithoutPublicIpFailsWithTheReasonFromTheTarget() {
        RuleEngine.Result result = run(RuleEngine.Options.DEFAULT, VNET, subnet("nodes", id("Microsoft.Network/natGateways/nat")),
                resource("Microsoft.Network/natGateways/nat", "{'properties': {}}"), scaleSet("pool", "nodes", false));

        assertThat(result.findings()).singleElement().extracting(Finding::message).isEqualTo(
                "Subnet 'nodes' of 'vnet' has no working NAT gateway: properties.natGateway.id refers to "
                        + "Microsoft.Network/natGateways 'nat': the count of properties.publicIpAddresses is 0, expected greater 0");
    }

    @Test
    void disabledRulesDoNotRunAndSeverityOverridesApply() {
        RuleEngine.Options options = new RuleEngine.Options(Set.of("nat-gateway-on-node-subnets"),
                Map.of("eg001", Severity.WARNING), Map.of());
        RuleEngine.Result result = run(options, VNET, subnet("nodes", null), scaleSet("pool", "nodes", true));

        assertThat(result.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EG001", Severity.WARNING));
        assertThat(result.rules()).extracting(RuleDescriptor::id, RuleDescriptor::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EG001", Severity.WARNING));
    }

    @Test
    void eachRuleMeetsTheResourcesOfItsTypesInGraphOrderWhateverTheirSpelling() {
        RuleSet rules = RuleSetLoader.parse("egress.yaml", """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: EG101
                    name: networks-and-scale-sets-are-named
                    severity: error
                    select:
                      type: [Microsoft.Network/*, MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS]
                    assert:
                      field: name
                      exists: true
                  - id: EG102
                    name: storage-is-named
                    severity: error
                    select:
                      type: microsoft.storage/storageaccounts
                    assert:
                      field: name
                      exists: true
                """);
        assertThat(rules.diagnostics()).isEmpty();
        Resource storage = resource("Microsoft.Storage/storageAccounts/st", "{'name': 'st'}");
        Resource nat = resource("microsoft.network/NATGateways/nat", "{'name': 'nat'}");
        ResourceGraph graph = ResourceGraph.of(List.of(scaleSet("pool", "nodes", false), storage, VNET, nat,
                subnet("nodes", null), resource("Microsoft.Storage/storageAccounts/st2", "{'name': 'st2'}")));

        RuleEngine.Result result = new RuleEngine(rules.rules(), RuleEngine.Options.DEFAULT).evaluate(graph);

        assertThat(result.evaluations()).extracting(Evaluation::ruleId, Evaluation::resourceType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EG101", "Microsoft.Compute/virtualMachineScaleSets"),
                org.assertj.core.groups.Tuple.tuple("EG101", "Microsoft.Network/virtualNetworks"),
                org.assertj.core.groups.Tuple.tuple("EG101", "microsoft.network/NATGateways"),
                org.assertj.core.groups.Tuple.tuple("EG101", "Microsoft.Network/virtualNetworks/subnets"),
                org.assertj.core.groups.Tuple.tuple("EG102", "Microsoft.Storage/storageAccounts"),
                org.assertj.core.groups.Tuple.tuple("EG102", "Microsoft.Storage/storageAccounts"));
    }
}
