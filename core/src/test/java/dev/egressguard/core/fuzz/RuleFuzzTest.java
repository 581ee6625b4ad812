package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.rule.condition.TypePattern;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text as a rule file: loading never throws (problems are diagnostics naming the file), and
 * whatever loads runs over a small estate with references, inline children, a dangling id and
 * unknown values without throwing. Seeds: one rule per condition kind, and hostile ones.
 */
class RuleFuzzTest {

    private static final String FILE = "fuzz.yaml";

    private static final ResourceGraph ESTATE = ResourceGraph.of(List.of(
            resource("Microsoft.Network/publicIPAddresses/nat-ip", "{'name':'nat-ip','properties':{'publicIPAllocationMethod':'Static'}}"),
            resource("Microsoft.Network/natGateways/nat", """
                    {'name':'nat','sku':{'name':'Standard'},'properties':{'publicIpAddresses':[
                      {'id':'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/nat-ip'}]}}"""),
            resource("Microsoft.Network/virtualNetworks/vnet", "{'name':'vnet','properties':{'addressSpace':{'addressPrefixes':['10.0.0.0/16']}}}"),
            resource("Microsoft.Network/virtualNetworks/vnet/subnets/nodes", """
                    {'name':'nodes','properties':{'addressPrefix':'10.0.1.0/24','natGateway':{
                      'id':'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/natGateways/nat'}}}"""),
            resource("Microsoft.Network/virtualNetworks/vnet/subnets/bare", "{'name':'bare','properties':{'addressPrefix':'10.0.2.0/24'}}"),
            resource("Microsoft.Compute/virtualMachineScaleSets/pool", """
                    {'name':'pool','sku':{'capacity':3},'properties':{'virtualMachineProfile':{'networkProfile':{
                      'networkInterfaceConfigurations':[{'name':'nic','properties':{'ipConfigurations':[{'name':'ip','properties':{
                        'subnet':{'id':'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/bare'},
                        'publicIPAddressConfiguration':{'name':'pip'}}}]}}]}}}}"""),
            resource("Microsoft.ContainerService/managedClusters/aks", """
                    {'name':'aks','properties':{'agentPoolProfiles':[{'name':'system','count':3,
                      'vnetSubnetID':'<unknown:reference() is only known after deployment>','enableNodePublicIP':true}],
                     'networkProfile':{'outboundType':'loadBalancer'}}}"""),
            resource("Microsoft.Network/networkInterfaces/orphan", """
                    {'name':'orphan','properties':{'ipConfigurations':[{'name':'ip','properties':{'subnet':{
                      'id':'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/gone/subnets/x'}}}]}}""")));

    private static final RuleEngine.Options OPTIONS = new RuleEngine.Options(Set.of(), Map.of(),
            Map.of("allowFirewallEgress", "true"));

    @FuzzTest(maxDuration = "60s")
    void loadAndEvaluate(byte[] input) {
        RuleSet rules = RuleSetLoader.parse(FILE, new String(input, StandardCharsets.UTF_8));

        assertThat(rules.diagnostics()).allSatisfy(d -> {
            assertThat(d.location().file()).isEqualTo(FILE);
            assertThat(d.message()).isNotBlank().doesNotContain("\tat ");
        });
        RuleEngine.Result result = new RuleEngine(rules.rules(), OPTIONS).evaluate(ESTATE);

        assertThat(result.findings().size()).isLessThanOrEqualTo(result.evaluations().size());
        assertThat(result.findings()).extracting(Finding::message).allSatisfy(m -> assertThat(m).isNotNull());
    }

    /** Found by the fuzzer (seed tag-with-percent-escape.yaml): SnakeYAML threw IllegalArgumentException. */
    @Test
    void aTagWithAPercentEscapeIsInvalidYaml() {
        RuleSet rules = RuleSetLoader.parse(FILE, "!%2");

        assertThat(rules.rules()).isEmpty();
        assertThat(rules.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("fuzz.yaml:1:1: error: not valid YAML: Tag must not contain leading or trailing spaces.");
    }

    /**
     * Found by the fuzzer (seed type-pattern-many-stars.yaml): as a regex, a select type with a run
     * of stars backtracked for over a minute on each type it did not match. The timeout only
     * guards the build against that coming back.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTypePatternWithManyStarsMatchesInLinearTime() {
        TypePattern stars = TypePattern.of(List.of("Microsoft.Network" + "*".repeat(40) + "/natGateways"));
        TypePattern interleaved = TypePattern.of(List.of("*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t*t!"));

        assertThat(stars.matches("Microsoft.Network/publicIPAddresses")).isFalse();
        assertThat(stars.matches("microsoft.network/NATgateways")).isTrue();
        assertThat(stars.matches("Microsoft.Network/virtualNetworks/natGateways")).isTrue();
        assertThat(interleaved.matches("t".repeat(200))).isFalse();
        assertThat(interleaved.matches("t".repeat(200) + "!")).isTrue();
    }
}
