package dev.egressguard.rules;

import dev.egressguard.core.finding.Outcome;
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
    void gatewayBastionAndDelegatedSubnetsWithoutComputeOfYoursAreNotNodeSubnets() {
        Fixture f = eg002("pass-special-and-delegated-subnets.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS hub/vms");
    }

    @Test
    void anAppServiceSubnetWithRouteAllIsANodeSubnetAndAnAppWithoutRouteAllBypassesIt() {
        Fixture f = eg002("fail-app-service-route-all-without-nat-gateway.json");

        assertThat(f.findings()).containsExactlyInAnyOrder("FAIL web/apps", "FAIL portal");
    }

    @Test
    void aConsumptionOnlyContainerAppsEnvironmentCannotUseItsSubnetsNatGateway() {
        Fixture f = eg002("fail-container-apps-consumption-only.json");

        assertThat(f.findings()).containsExactly("FAIL legacy");
        assertThat(f.evaluations()).contains("PASS aca/infra", "PASS aca/infra2");
    }

    @Test
    void aRouteToAFirewallPassesOnlyWhenFirewallEgressIsAllowed() {
        String file = "pass-firewall-route-when-allowed.json";

        assertThat(Fixture.run("EG002", file, FIREWALL_ALLOWED).evaluations()).containsExactly("PASS spoke/workload");
        assertThat(eg002(file).findings()).containsExactly("FAIL spoke/workload");
    }

    @Test
    void aksWithAUserAssignedNatGatewayIsUnknownWhenItsSubnetIsElsewhere() {
        Fixture f = eg002("unknown-aks-user-assigned-nat-gateway-subnet-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN aks-nat/system");
    }

    @Test
    void aksWithAUserAssignedNatGatewayFailsWhenItsSubnetHasNone() {
        Fixture f = eg002("fail-aks-user-assigned-nat-gateway-subnet-without-nat.json");

        assertThat(f.findings()).containsExactly("FAIL spoke/aks");
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
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("subnet 'default' of vnet 'vnet' has no NAT gateway");
    }

    @Test
    void aNatGatewayWithoutPublicIpOrPrefixFails() {
        Fixture f = eg002("fail-nat-gateway-without-public-ip.json");

        assertThat(f.findings()).containsExactly("FAIL vnet/nodes");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("subnet 'nodes' of vnet 'vnet' leaves through "
                + "a NAT gateway that has neither a public IP nor a public IP prefix");
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
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether the subnet of network "
                + "interface 'worker-nic' has no NAT gateway: properties.subnet.id is unknown before deployment: reference('"
                + "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/egress-guard-rg/providers/Microsoft.Network/"
                + "virtualNetworks/shared-vnet'): the resource is not declared in this template; its properties are only known "
                + "at deployment at template.json:19:33");
    }

    @Test
    void aSubnetOfAnotherResourceGroupIsUnknownWithItsId() {
        Fixture f = eg002("unknown-existing-subnet-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN workers/nic/ipconfig");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether the subnet of scale set "
                + "'workers' has no NAT gateway: properties.subnet.id refers to /subscriptions/00000000-0000-0000-0000-000000000000"
                + "/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/workers, which is not "
                + "among the evaluated resources");
    }

    @Test
    void aNatGatewayOfAnotherResourceGroupIsUnknownWithItsId() {
        Fixture f = eg002("unknown-nat-gateway-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN vnet/nodes");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether subnet 'nodes' of vnet 'vnet' "
                + "leaves through a NAT gateway that has neither a public IP nor a public IP prefix: properties.natGateway.id "
                + "refers to /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shared-egress-rg/providers/"
                + "Microsoft.Network/natGateways/shared-nat, which is not among the evaluated resources");
    }

    @Test
    void aScaleSetWhoseNetworkProfileOnlyTheDeploymentKnowsIsUnknown() {
        Fixture f = eg002("unknown-scale-set-network-profile-from-parameter.json");

        assertThat(f.findings()).containsExactly("UNKNOWN workers");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("whether the rule applies to scale set "
                + "'workers' is unknown: properties.virtualMachineProfile.networkProfile."
                + "networkInterfaceConfigurations is unknown before deployment: parameter 'nicConfigurations' has no value "
                + "and no default at template.json:6:5; if it does: the subnet of scale set 'workers' has no NAT gateway");
        assertThat(f.as("EG003").findings()).as("EG003 cannot tell either").containsExactly("UNKNOWN workers");
        assertThat(f.as("EG001").findings()).as("nor EG001").containsExactly("UNKNOWN workers");
    }
}
