package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleFiles;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.finding.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.rule.Resources.id;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code because:} on a condition, and the placeholders that name resources the way people do:
 * {kind}, {subject}, {owner...}, {parent...}, {target...}.
 */
class BecauseTest {

    private static final Resource VNET = resource("Microsoft.Network/virtualNetworks/cluster-vnet", "{'properties': {}}");
    private static final Resource NAT = resource("Microsoft.Network/natGateways/nat", "{'properties': {'publicIpAddresses': []}}");
    private static final Resource BARE = resource("Microsoft.Network/virtualNetworks/cluster-vnet/subnets/nodes",
            "{'properties': {'addressPrefix': '10.0.0.0/24'}}");
    private static final Resource WITH_NAT = resource("Microsoft.Network/virtualNetworks/cluster-vnet/subnets/web",
            "{'properties': {'natGateway': {'id': '" + id("Microsoft.Network/natGateways/nat") + "'}}}");
    private static final Resource UNKNOWN_NAT = resource("Microsoft.Network/virtualNetworks/cluster-vnet/subnets/db",
            "{'properties': {'natGateway': {'id': '<unknown:reference(natDeployment).outputs.id>'}}}");
    private static final Resource IP_CONFIG = resource(
            "Microsoft.Compute/virtualMachineScaleSets/legacy-nodes/networkInterfaceConfigurations/nic/ipConfigurations/ipconfig1",
            "{'properties': {'publicIPAddressConfiguration': {'name': 'pip'}}}");
    private static final Resource SCALE_SET = resource("Microsoft.Compute/virtualMachineScaleSets/legacy-nodes", "{'properties': {}}");

    private static final String NAT_RULE = """
              - id: B1
                name: subnets-have-nat
                severity: error
                select: {type: Microsoft.Network/virtualNetworks/subnets}
                assert:
                  anyOf:
                    - allOf:
                        - field: properties.natGateway.id
                          exists: true
                          because: "{subject} has no NAT gateway"
                        - ref: properties.natGateway.id
                          type: Microsoft.Network/natGateways
                          assert:
                            count: {field: "properties.publicIpAddresses[*]"}
                            greater: 0
                          because: "{subject} leaves through {target.kind} '{target}', which has no public IP"
                    - field: tags.egress
                      equals: firewall
                message: "{reason}"
            """;

    private static List<Finding> run(String rules, Resource... resources) {
        RuleSet set = RuleSetLoader.parse("b.yaml", RuleFiles.HEADER + rules);
        assertThat(set.diagnostics()).isEmpty();
        return new RuleEngine(set.rules(), RuleEngine.Options.DEFAULT).evaluate(ResourceGraph.of(List.of(resources))).findings();
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.outcome() + " " + f.message()).toList();
    }

    @Test
    void aFalseAnyOfSpeaksWithItsFirstExplainedPartAndLeavesTheOtherAlternativesOut() {
        assertThat(messages(run(NAT_RULE, VNET, BARE, WITH_NAT, NAT))).containsExactly(
                "FAIL subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway",
                "FAIL subnet 'web' of vnet 'cluster-vnet' leaves through NAT gateway 'nat', which has no public IP");
    }

    @Test
    void theFindingRestsOnTheExplainedPartsProperty() {
        assertThat(run(NAT_RULE, VNET, WITH_NAT, NAT)).singleElement().extracting(Finding::path)
                .isEqualTo("/properties/natGateway/id");
    }

    @Test
    void anUnknownExplainedConditionStillSaysWhatWasUnknown() {
        String rule = NAT_RULE.replace("{subject} leaves through {target.kind} '{target}', which has no public IP",
                "{subject} has no NAT gateway with a public IP");
        assertThat(messages(run(rule, VNET, UNKNOWN_NAT))).containsExactly(
                "UNKNOWN unknown whether subnet 'db' of vnet 'cluster-vnet' has no NAT gateway with a public IP: "
                        + "properties.natGateway.id is unknown before deployment: reference(natDeployment).outputs.id");
    }

    @Test
    void aTargetWhoseIdIsUnknownBeforeDeploymentIsAQuestionMark() {
        assertThat(messages(run(NAT_RULE, VNET, UNKNOWN_NAT))).containsExactly(
                "UNKNOWN unknown whether subnet 'db' of vnet 'cluster-vnet' leaves through ? '?', which has no public IP: "
                        + "properties.natGateway.id is unknown before deployment: reference(natDeployment).outputs.id");
    }

    @Test
    void aBecauseThatUsesReasonDecidesItsOwnWordingWhenUnknown() {
        String rule = NAT_RULE.replace("{subject} leaves through {target.kind} '{target}', which has no public IP",
                "{subject}: {reason}");
        assertThat(messages(run(rule, VNET, UNKNOWN_NAT))).containsExactly(
                "UNKNOWN subnet 'db' of vnet 'cluster-vnet': properties.natGateway.id is unknown before deployment: "
                        + "reference(natDeployment).outputs.id");
    }

    @Test
    void ownerNamesTheTopLevelResourceOfANormalisedChild() {
        List<Finding> f = run("""
                  - id: B2
                    name: no-instance-public-ip
                    severity: error
                    select: {type: Microsoft.Compute/virtualMachineScaleSets/networkInterfaceConfigurations/ipConfigurations}
                    assert:
                      field: properties.publicIPAddressConfiguration
                      exists: false
                      because: "{owner.kind} '{owner}' gives every instance a public IP ({path}); {kind} '{name}' of {parent.kind} '{parent}'"
                    message: "{reason}"
                """, SCALE_SET, IP_CONFIG);
        assertThat(messages(f)).containsExactly("FAIL scale set 'legacy-nodes' gives every instance a public IP "
                + "(properties.publicIPAddressConfiguration); IP configuration 'ipconfig1' of network interface configuration 'nic'");
    }

    @Test
    void aTargetIsWhatReferencedByFoundEvenUnderNot() {
        Resource nic = resource("Microsoft.Network/networkInterfaces/vm1-nic", "{'properties': {'ipConfigurations': [{'name': "
                + "'ipconfig1', 'properties': {'subnet': {'id': '" + BARE.id() + "'}}}]}}");
        List<Finding> f = run("""
                  - id: B3
                    name: unused-subnets
                    severity: note
                    select: {type: Microsoft.Network/virtualNetworks/subnets}
                    assert:
                      not:
                        referencedBy: {type: Microsoft.Network/networkInterfaces}
                      because: "{subject} is used by {target.subject}"
                    message: "{reason}"
                """, VNET, BARE, nic);
        assertThat(messages(f)).containsExactly("FAIL subnet 'nodes' of vnet 'cluster-vnet' is used by network interface 'vm1-nic'");
    }

    @Test
    void becauseIsCheckedWhenTheFileLoads() {
        RuleSet set = RuleSetLoader.parse("b.yaml", RuleFiles.HEADER + """
                  - id: B4
                    name: bad-because
                    severity: note
                    select: {type: Microsoft.Network/virtualNetworks}
                    assert: {field: name, exists: true, because: "{colour} is wrong"}
                  - id: B5
                    name: empty-because
                    severity: note
                    select: {type: Microsoft.Network/virtualNetworks}
                    assert: {field: name, exists: true, because: ""}
                """);
        assertThat(set.rules()).isEmpty();
        assertThat(set.diagnostics()).extracting(Diagnostic::toString).satisfiesExactly(
                d -> assertThat(d).startsWith("b.yaml:8:50: error: because: unknown placeholder {colour}; known: {name} "),
                d -> assertThat(d).isEqualTo("b.yaml:13:50: error: because: the text is empty; say why the condition fails, "
                        + "e.g. \"{subject} has no NAT gateway\""));
    }
}
