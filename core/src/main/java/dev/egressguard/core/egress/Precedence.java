package dev.egressguard.core.egress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a node's path from its facts in Azure's precedence order (route to a firewall, NAT
 * gateway, own public IP, load balancer SNAT, default outbound access or none; see
 * {@link EgressPath}): the first fact that is taken wins, unless an undecided fact stands before
 * it, which makes the path UNKNOWN among the paths still possible. The last fact is always taken
 * or undecided (default outbound access or none), so a decision is always reached.
 */
final class Precedence {

    /**
     * The decision: the path, the bypassed lower paths, the fact that decided (or the first
     * undecided one), and every path still possible.
     */
    record Decision(Egress egress, List<Bypassed> bypassed, Fact decisive, Set<EgressPath> possible,
                    List<Fact> facts) {
    }

    private Precedence() {
    }

    /**
     * {@code facts} in the order they decide: route, NAT gateway, own public IP, load balancer,
     * fallback (an AKS pool whose cluster chose its load balancer puts its own public IP and the
     * load balancer first, see {@link NodeFacts#agentPool}).
     */
    static Decision decide(List<Fact> facts) {
        List<Fact.Undecided> before = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (f instanceof Fact.Undecided u) {
                before.add(u);
            } else if (f instanceof Fact.Taken t) {
                List<Bypassed> bypassed = new ArrayList<>();
                for (int j = i + 1; j < facts.size(); j++) {
                    if (facts.get(j) instanceof Fact.Taken lt && isExplicit(lt.path())) {
                        bypassed.add(new Bypassed(lt.path(), lt.via()));
                    }
                }
                if (before.isEmpty()) {
                    Egress egress = new Egress(t.path(), t.via(), t.publicIps(), t.publicIpsUnknown(), t.reason(),
                            List.of(t.path()));
                    return new Decision(egress, bypassed, t, Set.of(t.path()), facts);
                }
                Set<EgressPath> possible = new LinkedHashSet<>();
                before.forEach(u -> possible.addAll(u.paths()));
                possible.add(t.path());
                Fact.Undecided first = before.get(0);
                Egress egress = new Egress(EgressPath.UNKNOWN, null, List.of(), first.reason(), first.reason(),
                        List.copyOf(possible));
                return new Decision(egress, bypassed, first, possible, facts);
            }
        }
        // Only undecided facts, or none at all: every path they name is possible.
        Set<EgressPath> possible = new LinkedHashSet<>();
        before.forEach(u -> possible.addAll(u.paths()));
        String reason = before.isEmpty() ? "nothing decides this node's egress" : before.get(0).reason();
        return new Decision(new Egress(EgressPath.UNKNOWN, null, List.of(), reason, reason, List.copyOf(possible)),
                List.of(), before.isEmpty() ? Fact.absent("") : before.get(0), possible, facts);
    }

    /** Default outbound access and "none" are what is left, not a way out that is bypassed. */
    private static boolean isExplicit(EgressPath path) {
        return path != EgressPath.DEFAULT_OUTBOUND && path != EgressPath.NONE && path != EgressPath.UNKNOWN
                && path != EgressPath.SERVICE_MANAGED;
    }
}
