package dev.egressguard.rules;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EG004 no-default-outbound-access: node subnets do not use Azure's default outbound access (docs/EG004.md). */
class EG004NoDefaultOutboundAccessTest {

    private static Fixture eg004(String file) {
        return Fixture.run("EG004", file);
    }

    @Test
    void aVmWithoutAnyExplicitEgressUsesDefaultOutboundAccess() {
        Fixture f = eg004("fail-default-outbound-access.json");

        assertThat(f.findings()).containsExactly("FAIL vnet/default");
        Finding finding = f.findingsOf(Outcome.FAIL).get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("subnet 'default' of vnet 'vnet' leaves IP configuration 'ipconfig1' of "
                + "network interface 'app-nic' on Azure's default outbound access (no NAT gateway, public IP, load balancer SNAT "
                + "or route to a firewall; defaultOutboundAccess is not false)");
    }

    @Test
    void aScaleSetBehindInboundNatOnlyUsesDefaultOutboundAccess() {
        assertThat(eg004("fail-inbound-nat-pool-only.json").findings()).containsExactly("FAIL vnet/Subnet-0");
    }

    @Test
    void aNatGatewayWithDefaultOutboundAccessLeftOnIsWarned() {
        Fixture f = eg004("fail-nat-gateway-but-default-outbound-access-on.json");

        assertThat(f.findings()).containsExactly("FAIL vnet/default");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message()).isEqualTo("subnet 'default' of vnet 'vnet' has explicit "
                + "egress but leaves default outbound access on (defaultOutboundAccess is not false): its nodes fall back to it "
                + "when the explicit egress goes");
    }

    @Test
    void aPrivateSubnetWithANatGatewayPasses() {
        assertThat(eg004("pass-private-subnet-with-nat-gateway.json").evaluations()).containsExactly("PASS vnet/default");
    }

    @Test
    void fromApiVersion20250701ASubnetIsPrivateUnlessItSaysOtherwise() {
        assertThat(eg004("pass-private-by-default-api-version.json").evaluations()).containsExactly("PASS vnet/default");
    }
}
