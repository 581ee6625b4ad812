package dev.egressguard.core.egress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How facts in Azure's order become a path: the first taken one wins unless an undecided one stands before it. */
class PrecedenceTest {

    private static Fact.Taken taken(EgressPath path, String via) {
        return new Fact.Taken(path, via, path + " via " + via, "/" + path);
    }

    private static Fact.Undecided undecided(EgressPath path, String why) {
        return new Fact.Undecided(path, why, "/" + path);
    }

    @Test
    void theFirstTakenFactWinsAndTheExplicitOnesBelowAreBypassed() {
        Precedence.Decision d = Precedence.decide(List.of(Fact.absent("/route"), taken(EgressPath.NAT_GATEWAY, "nat"),
                taken(EgressPath.INSTANCE_PUBLIC_IP, "pip"), taken(EgressPath.LOAD_BALANCER, "pool"),
                taken(EgressPath.DEFAULT_OUTBOUND, null)));

        assertThat(d.egress().path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(d.egress().via()).isEqualTo("nat");
        assertThat(d.egress().possible()).containsExactly(EgressPath.NAT_GATEWAY);
        // Default outbound access is what is left, not a way out that is bypassed.
        assertThat(d.bypassed()).containsExactly(new Bypassed(EgressPath.INSTANCE_PUBLIC_IP, "pip"),
                new Bypassed(EgressPath.LOAD_BALANCER, "pool"));
        assertThat(d.decisive().pointer()).isEqualTo("/natGateway");
    }

    @Test
    void anUndecidedFactBeforeTheFirstTakenOneMakesThePathUnknownAmongTheStillPossible() {
        Precedence.Decision d = Precedence.decide(List.of(undecided(EgressPath.FIREWALL, "the route table is elsewhere"),
                taken(EgressPath.NAT_GATEWAY, "nat"), taken(EgressPath.DEFAULT_OUTBOUND, null)));

        assertThat(d.egress().path()).isEqualTo(EgressPath.UNKNOWN);
        assertThat(d.egress().reason()).isEqualTo("the route table is elsewhere");
        assertThat(d.egress().possible()).containsExactly(EgressPath.FIREWALL, EgressPath.NAT_GATEWAY);
        assertThat(d.egress().publicIpsUnknown()).isEqualTo("the route table is elsewhere");
    }

    @Test
    void anUndecidedFactBelowTheTakenOneDecidesNothing() {
        Precedence.Decision d = Precedence.decide(List.of(taken(EgressPath.NAT_GATEWAY, "nat"),
                undecided(EgressPath.LOAD_BALANCER, "the pool is elsewhere"), taken(EgressPath.DEFAULT_OUTBOUND, null)));

        assertThat(d.egress().path()).isEqualTo(EgressPath.NAT_GATEWAY);
        assertThat(d.egress().isKnown()).isTrue();
    }

    @Test
    void onlyUndecidedFactsLeaveEveryPathTheyNamePossible() {
        Precedence.Decision d = Precedence.decide(List.of(undecided(EgressPath.NAT_GATEWAY, "a"),
                new Fact.Undecided(List.of(EgressPath.DEFAULT_OUTBOUND, EgressPath.NONE), "b", "/b")));

        assertThat(d.egress().path()).isEqualTo(EgressPath.UNKNOWN);
        assertThat(d.egress().possible()).containsExactly(EgressPath.NAT_GATEWAY, EgressPath.DEFAULT_OUTBOUND, EgressPath.NONE);
        assertThat(d.egress().reason()).isEqualTo("a");
    }
}
