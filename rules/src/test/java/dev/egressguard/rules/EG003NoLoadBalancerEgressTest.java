package dev.egressguard.rules;

import dev.egressguard.core.finding.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EG003 no-load-balancer-egress: nodes must not reach the internet through a load balancer (docs/EG003.md). */
class EG003NoLoadBalancerEgressTest {

    private static Fixture eg003(String file) {
        return Fixture.run("EG003", file);
    }

    @Test
    void nodesInAPublicPoolServedByALoadBalancingRuleFail() {
        Fixture f = eg003("fail-public-load-balancer-rule.json");

        assertThat(f.findings()).containsExactly("FAIL web1-nic/ipconfig1", "FAIL web2-nic/ipconfig1");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).path()).isEqualTo("/properties/loadBalancerBackendAddressPools/0/id");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("network interface 'web1-nic' leaves through "
                + "public load balancer 'web-lb' (outbound SNAT of backend pool 'web-pool'); its subnet has no NAT gateway");
    }

    @Test
    void anOutboundRuleGivesSnatEvenWhenTheLoadBalancingRuleDisablesIt() {
        assertThat(eg003("fail-outbound-rule.json").findings()).containsExactly("FAIL app/nic/ipconfig");
    }

    @Test
    void anIpBasedPoolMemberMayLeaveThroughTheLoadBalancerOrDefaultOutboundAccess() {
        // Azure: a pool configured by IP address "will behave as a Basic Load Balancer with default
        // outbound enabled" (backend-pool-management, outbound-rules): UNKNOWN, never a silent PASS.
        Fixture f = eg003("unknown-ip-based-backend-pool.json");

        assertThat(f.findings()).containsExactly("UNKNOWN vm0-nic/ipconfig1");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).contains("configured by IP address")
                .contains("default outbound access");
        assertThat(f.evaluations()).contains("PASS vm1-nic/ipconfig1");
    }

    @Test
    void aBasicPublicLoadBalancerWithRulesGivesSnat() {
        Fixture f = eg003("fail-vmss-basic-public-load-balancer.json");

        assertThat(f.findings()).containsExactly("FAIL nt1vm/NIC-0/NIC-0");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("scale set 'nt1vm' leaves through public load "
                + "balancer 'LB-cluster' (outbound SNAT of backend pool 'LoadBalancerBEAddressPool'); its subnet has no NAT gateway");
    }

    @Test
    void aksWithoutOutboundTypeOrWithLoadBalancerFails() {
        Fixture f = eg003("fail-aks-default-outbound-type.json");

        assertThat(f.findings()).containsExactly("FAIL aks-quickstart", "FAIL aks-explicit");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("AKS cluster 'aks-quickstart' leaves through its "
                + "load balancer's outbound SNAT (outboundType loadBalancer, the default when not written)");
    }

    @Test
    void theSubnetsNatGatewayTakesPrecedenceOverTheLoadBalancer() {
        Fixture f = eg003("pass-nat-gateway-takes-precedence.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS web1-nic/ipconfig1", "PASS web2-nic/ipconfig1");
    }

    @Test
    void inboundNatPoolsGiveNoSnat() {
        assertThat(eg003("pass-inbound-nat-pool-only.json").evaluations()).containsExactly("PASS nt1vm/NIC-0/NIC-0");
    }

    @Test
    void aRuleThatDisablesOutboundSnatGivesNone() {
        assertThat(eg003("pass-outbound-snat-disabled.json").findings()).isEmpty();
    }

    @Test
    void anInternalLoadBalancerGivesNoInternetSnat() {
        assertThat(eg003("pass-internal-load-balancer.json").findings()).isEmpty();
    }

    @Test
    void aksWithNatGatewayOrFirewallOutboundTypesPasses() {
        assertThat(eg003("pass-aks-explicit-egress.json").evaluations())
                .containsExactly("PASS aks-managed-nat", "PASS aks-own-nat", "PASS aks-firewall");
    }

    @Test
    void anOutboundTypeOnlyTheDeploymentKnowsIsUnknown() {
        assertThat(eg003("unknown-aks-outbound-type-without-value.json").findings()).containsExactly("UNKNOWN aks");
    }

    @Test
    void aPoolOfALoadBalancerElsewhereIsUnknownWithItsId() {
        Fixture f = eg003("unknown-load-balancer-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN web-nic/ipconfig1");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether network interface 'web-nic' "
                + "leaves through public load balancer '?' (outbound SNAT of backend pool '?'); its subnet has no NAT "
                + "gateway: properties.loadBalancerBackendAddressPools[0].id refers to /subscriptions/00000000-0000-0000-0000-"
                + "000000000000/resourceGroups/shared-rg/providers/Microsoft.Network/loadBalancers/shared-lb/backendAddressPools/"
                + "web, which is not among the evaluated resources");
    }
}
