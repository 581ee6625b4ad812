package dev.egressguard.rules;

import dev.egressguard.core.engine.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** EG002 nat-gateway-on-node-subnets: every node subnet has a NAT gateway with a public IP (docs/EG002.md). */
class EG002NatGatewayOnNodeSubnetsTest {

    private static final Map<String, String> FIREWALL_ALLOWED = Map.of("allowFirewallEgress", "true");

    private static Fixture eg002(String file) {
        return Fixture.run("EG002", file);
    }

    @Test
    void aSubnetDeclaredInlineAndSeparatelyWithItsNatGatewayPasses() {
        Fixture f = eg002("pass-nat-gateway-inline-and-separate-subnet.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS vnet-1/subnet-1");
    }

    @Test
    void idsBuiltWithConcatOrJsonInAnotherCasingResolve() {
        Fixture f = eg002("pass-ids-built-with-concat-and-json.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS Cluster-VNet/VMSS");
    }

    @Test
    void gatewayBastionAndDelegatedSubnetsAreNotNodeSubnets() {
        Fixture f = eg002("pass-special-and-delegated-subnets.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS hub/vms");
    }

    @Test
    void aRouteToAFirewallPassesOnlyWhenFirewallEgressIsAllowed() {
        String file = "pass-firewall-route-when-allowed.json";

        assertThat(Fixture.run("EG002", file, FIREWALL_ALLOWED).evaluations()).containsExactly("PASS spoke/workload");
        assertThat(eg002(file).findings()).containsExactly("FAIL spoke/workload");
    }

    @Test
    void aksWithAUserAssignedNatGatewayPassesEvenWhenItsSubnetIsElsewhere() {
        Fixture f = eg002("pass-aks-user-assigned-nat-gateway.json");

        assertThat(f.findings()).isEmpty();
    }

    @Test
    void aksWithoutVnetSubnetIdHasNoSubnetOfOursToCheck() {
        Fixture f = eg002("pass-aks-managed-vnet.json");

        assertThat(f.evaluations()).isEmpty();
    }

    @Test
    void aNodeSubnetWithoutNatGatewayFailsAndAnEmptySubnetIsNoSubject() {
        Fixture f = eg002("fail-subnet-without-nat-gateway.json");

        assertThat(f.findings()).containsExactly("FAIL vnet/default");
        assertThat(f.evaluations()).containsExactly("FAIL vnet/default");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).path()).isEqualTo("/properties/natGateway/id");
    }

    @Test
    void aNatGatewayWithoutPublicIpOrPrefixFails() {
        assertThat(eg002("fail-nat-gateway-without-public-ip.json").findings()).containsExactly("FAIL vnet/nodes");
    }

    @Test
    void aSeparateSubnetResourceWithoutNatGatewayDetachesTheInlineOne() {
        assertThat(eg002("fail-separate-subnet-drops-inline-nat-gateway.json").findings()).containsExactly("FAIL vnet/nodes");
    }

    @Test
    void anAksNodeSubnetWithoutNatGatewayFails() {
        assertThat(eg002("fail-aks-byo-subnet.json").findings()).containsExactly("FAIL aks-vnet/aks-nodes");
    }

    @Test
    void aksUserDefinedRoutingFollowsTheFirewallSetting() {
        String file = "fail-aks-user-defined-routing.json";

        assertThat(eg002(file).findings()).containsExactly("FAIL spoke/aks");
        assertThat(Fixture.run("EG002", file, FIREWALL_ALLOWED).evaluations()).containsExactly("PASS spoke/aks");
    }

    @Test
    void aSubnetIdFromReferenceIsUnknownWithTheReason() {
        Fixture f = eg002("unknown-subnet-from-reference.json");

        assertThat(f.findings()).containsExactly("UNKNOWN worker-nic/ipconfig1");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).contains("reference");
    }

    @Test
    void aSubnetOfAnotherResourceGroupIsUnknownWithItsId() {
        Fixture f = eg002("unknown-existing-subnet-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN workers/nic/ipconfig");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message())
                .containsIgnoringCase("/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/workers")
                .contains("not among the evaluated resources");
    }

    @Test
    void aNatGatewayOfAnotherResourceGroupIsUnknownWithItsId() {
        Fixture f = eg002("unknown-nat-gateway-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN vnet/nodes");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).containsIgnoringCase("shared-egress-rg");
    }

    @Test
    void aScaleSetWhoseNetworkProfileOnlyTheDeploymentKnowsIsUnknown() {
        Fixture f = eg002("unknown-scale-set-network-profile-from-parameter.json");

        assertThat(f.findings()).containsExactly("UNKNOWN workers");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).contains("nicConfigurations");
        assertThat(f.as("EG003").findings()).as("EG003 cannot tell either").containsExactly("UNKNOWN workers");
        assertThat(f.as("EG001").findings()).as("nor EG001").containsExactly("UNKNOWN workers");
    }
}
