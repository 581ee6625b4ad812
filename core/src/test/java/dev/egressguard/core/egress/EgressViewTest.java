package dev.egressguard.core.egress;

import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The egress view as the rule language reads it, and where each of its keys rests in the body. */
class EgressViewTest {

    private static final String NAT = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/natGateways/nat";

    private static EgressView natGatewayNode() {
        return EgressView.of(Precedence.decide(List.of(Fact.absent("/properties/subnet/id"),
                new Fact.Taken(EgressPath.NAT_GATEWAY, NAT, List.of(new PublicIp("pip", "20.1.2.3", null, null)), null,
                        "subnet 'a' leaves through NAT gateway 'nat'", "/properties/subnet/id"),
                new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, "pip", "own", "/properties/publicIPAddress/id"),
                new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null, "default", "/properties/subnet/id"))));
    }

    @Test
    void theValueHoldsThePathItsReasonAddressesAndOneKeyPerPossiblePath() {
        EgressView view = natGatewayNode();

        assertThat(JsonText.write(view.value())).isEqualTo("{\"path\":\"natGateway\",\"via\":\"" + NAT + "\","
                + "\"reason\":\"subnet 'a' leaves through NAT gateway 'nat'\","
                + "\"publicIps\":[{\"id\":\"pip\",\"address\":\"20.1.2.3\",\"prefix\":null}],"
                + "\"possiblePaths\":[\"natGateway\"],\"bypassed\":[{\"path\":\"instancePublicIp\",\"via\":\"pip\"}],"
                + "\"natGateway\":\"" + NAT + "\"}");
        assertThat(view.bypassed()).containsExactly(new Bypassed(EgressPath.INSTANCE_PUBLIC_IP, "pip"));
    }

    @Test
    void aPathsKeyRestsOnItsFactInAnyCasingAndEveryOtherKeyOnTheDecisiveFact() {
        EgressView view = natGatewayNode();

        assertThat(view.decisivePointer()).isEqualTo("/properties/subnet/id");
        assertThat(view.anchor("natGateway")).isEqualTo("/properties/subnet/id");
        assertThat(view.anchor("NATGATEWAY")).isEqualTo("/properties/subnet/id");
        assertThat(view.anchor("reason")).isEqualTo(view.decisivePointer());
        // Not possible, so not a key of the view: the decisive fact's.
        assertThat(view.anchor("instancePublicIp")).isEqualTo(view.decisivePointer());
    }

    @Test
    void anUndecidedPathRestsOnTheFactThatLeavesItOpen() {
        EgressView view = EgressView.of(Precedence.decide(List.of(
                new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE), "route table elsewhere", "/properties/routeTable/id"),
                new Fact.Taken(EgressPath.NAT_GATEWAY, NAT, "nat", "/properties/natGateway/id"),
                new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null, "default", "/properties/defaultOutboundAccess"))));

        assertThat(view.value().get("path")).isInstanceOf(Value.Unknown.class);
        assertThat(view.value().get("firewall")).isSameAs(view.value().get("path"));
        assertThat(view.anchor("firewall")).isEqualTo("/properties/routeTable/id");
        assertThat(view.anchor("natgateway")).isEqualTo("/properties/natGateway/id");
        assertThat(view.anchor("path")).isEqualTo("/properties/routeTable/id");
    }

    @Test
    void withNothingExplicitTheDecisivePointerIsWhereTheMissingNatGatewayGoes() {
        EgressView view = EgressView.of(Precedence.decide(List.of(Fact.absent("/properties/routeTable/id"),
                Fact.absent("/properties/natGateway/id"),
                new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null, "default", "/properties/defaultOutboundAccess"))));

        assertThat(view.decisivePointer()).isEqualTo("/properties/natGateway/id");
        assertThat(view.anchor("defaultOutbound")).isEqualTo("/properties/defaultOutboundAccess");
    }

    @Test
    void aSubnetsViewAddsItsKeysLastRestingOnTheSubnetItself() {
        EgressView view = EgressView.ofSubnet(Precedence.decide(List.of(Fact.absent("/properties/routeTable/id"),
                new Fact.Taken(EgressPath.NAT_GATEWAY, NAT, "nat", "/properties/natGateway/id"))), Value.of(2), Value.of(0));

        assertThat(view.value().fields().keySet()).containsExactly("path", "via", "reason", "publicIps", "possiblePaths",
                "bypassed", "natGateway", "serviceNodes", "serviceNodesOnDefaultOutbound");
        assertThat(view.anchor("SERVICENODES")).isEmpty();
        assertThat(view.anchor("serviceNodesOnDefaultOutbound")).isEmpty();
        assertThat(view.anchor("natGateway")).isEqualTo("/properties/natGateway/id");
        assertThat(natGatewayNode().anchor("serviceNodes")).isEqualTo("/properties/subnet/id");
    }
}
