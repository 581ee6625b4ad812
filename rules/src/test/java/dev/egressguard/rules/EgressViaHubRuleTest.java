package dev.egressguard.rules;

import dev.egressguard.core.finding.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EG002 with the setting {@code egressViaHub}: a spoke whose internet traffic a Virtual WAN hub's
 * routing intent (or a default route learned over BGP) sends to a hub firewall has no route table
 * in its template; declared, its path is {@code firewall}, which passes only with
 * {@code allowFirewallEgress}, like any firewall path.
 */
class EgressViaHubRuleTest {

    private static Fixture eg002(String file, Map<String, String> settings) {
        return Fixture.run("EG002", file, settings);
    }

    @Test
    void withoutTheSettingTheSpokeHasNoNatGateway() {
        Fixture f = eg002("pass-spoke-via-hub-when-declared.json", Map.of());

        assertThat(f.findings()).containsExactly("FAIL spoke-vnet/workers");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("subnet 'workers' of vnet 'spoke-vnet' has no NAT gateway");
    }

    @Test
    void aDeclaredHubIsAFirewallPathThatTakesPrecedenceOverANatGateway() {
        Fixture f = eg002("pass-spoke-via-hub-when-declared.json", Map.of("egressViaHub", "spoke-vnet"));

        assertThat(f.findings()).containsExactly("FAIL spoke-vnet/workers");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("subnet 'workers' of vnet 'spoke-vnet' leaves"
                + " through its hub's firewall, declared by configuration (egressViaHub), which takes precedence over a NAT gateway");
    }

    @Test
    void aDeclaredHubPassesWithAllowFirewallEgress() {
        assertThat(eg002("pass-spoke-via-hub-when-declared.json",
                Map.of("egressViaHub", "true", "allowFirewallEgress", "true")).findings()).isEmpty();
        assertThat(eg002("pass-spoke-via-hub-when-declared.json",
                Map.of("EGRESSVIAHUB", "other-vnet, spoke-vnet", "allowFirewallEgress", "true")).findings()).isEmpty();
    }

    @Test
    void anotherVnetNamedLeavesThisOneAsItsTemplateSays() {
        assertThat(eg002("pass-spoke-via-hub-when-declared.json",
                Map.of("egressViaHub", "other-vnet", "allowFirewallEgress", "true")).findings())
                .containsExactly("FAIL spoke-vnet/workers");
    }

    @Test
    void aRouteTableThatKeepsBgpRoutesOffTheSubnetMakesTheDeclaredHubUnknown() {
        Fixture f = eg002("unknown-spoke-via-hub-bgp-propagation-off.json",
                Map.of("egressViaHub", "true", "allowFirewallEgress", "true"));

        assertThat(f.findings()).containsExactly("UNKNOWN spoke-vnet/workers");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).contains("disableBgpRoutePropagation: true");
    }
}
