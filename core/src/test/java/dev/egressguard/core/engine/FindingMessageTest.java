package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleFiles;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Message placeholders, the default message, and UNKNOWN findings that always say why. */
class FindingMessageTest {

    private static final Resource VNET = resource("Microsoft.Network/virtualNetworks/vnet", "{'properties': {}}");
    private static final Resource SUBNET = resource("Microsoft.Network/virtualNetworks/vnet/subnets/nodes",
            "{'properties': {'addressPrefix': '192.168.0.0/24', 'natGateway': {'id': '<unknown:reference(nat).outputs.id>'}}}");

    private static List<Finding> run(String rule) {
        RuleSet set = RuleSetLoader.parse("m.yaml", RuleFiles.HEADER + rule);
        assertThat(set.diagnostics()).isEmpty();
        return new RuleEngine(set.rules(), RuleEngine.Options.DEFAULT).evaluate(ResourceGraph.of(List.of(VNET, SUBNET))).findings();
    }

    @Test
    void everyPlaceholder() {
        List<Finding> f = run("""
                  - id: M1
                    name: m1
                    severity: note
                    select: {type: Microsoft.Network/virtualNetworks/subnets}
                    assert: {field: properties.addressPrefix, like: "10.*"}
                    message: "{{subnet}} {name} of {parent} ({type}, {id}): {path} is '{value}' -- {reason}"
                """);
        assertThat(f).singleElement().extracting(Finding::message).isEqualTo("{subnet} nodes of vnet "
                + "(Microsoft.Network/virtualNetworks/subnets, " + SUBNET.id() + "): properties.addressPrefix is '192.168.0.0/24' "
                + "-- properties.addressPrefix is \"192.168.0.0/24\", expected like '10.*'");
        assertThat(f.get(0).path()).isEqualTo("/properties/addressPrefix");
    }

    @Test
    void unknownFindingsAppendTheReasonWhenTheMessageHasNone() {
        List<Finding> f = run("""
                  - id: M2
                    name: m2
                    severity: warning
                    select: {type: Microsoft.Network/virtualNetworks/subnets}
                    assert: {field: properties.natGateway.id, startsWith: /subscriptions/}
                    message: "Subnet {name} needs a NAT gateway."
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(x.message()).isEqualTo("Subnet nodes needs a NAT gateway. (unknown: properties.natGateway.id is "
                    + "unknown before deployment: reference(nat).outputs.id)");
        });
    }

    @Test
    void withoutAMessageTheTitleAndReasonSpeak() {
        List<Finding> f = run("""
                  - id: M3
                    name: m3
                    title: Subnets are in 10/8
                    severity: note
                    select: {type: Microsoft.Network/virtualNetworks/subnets}
                    assert: {field: properties.addressPrefix, startsWith: "10."}
                """);
        assertThat(f).singleElement().extracting(Finding::message).isEqualTo("Subnets are in 10/8 "
                + "(Microsoft.Network/virtualNetworks/subnets 'nodes'): properties.addressPrefix is \"192.168.0.0/24\", expected startsWith \"10.\"");
    }

    @Test
    void anUnknownWhereWithAFailingAssertIsUnknown() {
        List<Finding> f = run("""
                  - id: M4
                    name: m4
                    severity: error
                    select:
                      type: Microsoft.Network/virtualNetworks/subnets
                      where: {field: properties.natGateway.id, exists: false, }
                    assert: {field: properties.addressPrefix, startsWith: "10."}
                    message: "{reason}"
                """.replace("exists: false, ", "endsWith: x"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(x.message()).isEqualTo("whether the rule applies to subnet 'nodes' of vnet 'vnet' is unknown: "
                    + "properties.natGateway.id is unknown before deployment: reference(nat).outputs.id; "
                    + "if it does: properties.addressPrefix is \"192.168.0.0/24\", expected startsWith \"10.\"");
        });
    }

    @Test
    void findingsComeInRuleOrderThenResourceOrder() {
        List<Finding> f = run("""
                  - {id: Z9, name: z9, severity: note, select: {type: '*'}, assert: {value: 1, equals: 2}}
                  - {id: A1, name: a1, severity: note, select: {type: '*'}, assert: {value: 1, equals: 2}}
                """);
        assertThat(f).extracting(x -> x.ruleId() + " " + x.resourceName()).containsExactly("Z9 vnet", "Z9 nodes", "A1 vnet", "A1 nodes");
    }
}
