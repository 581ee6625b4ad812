package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a node gets outbound SNAT from a public load balancer: it is in a backend pool (by its
 * ipConfiguration's {@code loadBalancerBackendAddressPools}, or by address in an IP-based pool)
 * that a load-balancing rule without {@code disableOutboundSnat: true} or an outbound rule serves,
 * on a load balancer with a public frontend
 * (learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections). Inbound NAT rules
 * and pools give no SNAT; an internal load balancer never does.
 */
final class LoadBalancerSnat {

    private static final String POOLS = "properties.loadBalancerBackendAddressPools";

    private final Lookup lookup;
    private final PublicIps publicIps;
    /** IP-based pools with an address whose NIC only the deployment knows: any node may be in them. */
    private final List<Resource> poolsWithUnknownAddresses = new ArrayList<>();
    /** {@link #pool}'s answer by pool, resting on no pointer. */
    private final Map<ResourceId, Fact> byPool = new HashMap<>();

    LoadBalancerSnat(Lookup lookup, PublicIps publicIps) {
        this.lookup = lookup;
        this.publicIps = publicIps;
        for (Resource r : lookup.graph().resourcesWithUnknownReferences()) {
            if (r.isType(ResourceTypes.LB_BACKEND_POOL) && lookup.graph().unknownReferencesFrom(r).stream()
                    .anyMatch(u -> Lookup.startsWithIgnoringCase(u.pointer(), "/properties/loadbalancerbackendaddresses")
                            || u.pointer().isEmpty() || u.pointer().equalsIgnoreCase("/properties"))) {
                poolsWithUnknownAddresses.add(r);
            }
        }
    }

    /** The SNAT fact of a node's ipConfiguration. */
    Fact of(Resource ipConfiguration) {
        Lookup.At pools = Lookup.at(ipConfiguration, POOLS);
        List<Fact> facts = new ArrayList<>();
        if (pools.value() instanceof Value.Unknown u) {
            facts.add(new Fact.Undecided(EgressPath.LOAD_BALANCER,
                    "the backend pools of " + lookup.named(ipConfiguration) + " are known only to the deployment: " + u.describe(),
                    pools.pointer()));
        } else if (pools.value() instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                String entry = pools.pointer() + "/" + i;
                if (arr.get(i) instanceof Value.Unknown u) {
                    facts.add(new Fact.Undecided(EgressPath.LOAD_BALANCER,
                            "a backend pool of " + lookup.named(ipConfiguration) + " is known only to the deployment: "
                                    + u.describe(), entry));
                    continue;
                }
                Lookup.At id = Lookup.at(arr.get(i), entry, "id");
                if (id.isAbsent()) {
                    continue;
                }
                Lookup.Target target = lookup.target(id, "the backend pool's id");
                if (target instanceof Lookup.Found f) {
                    facts.add(pool(f.resource(), id.pointer()));
                } else if (target instanceof Lookup.Elsewhere e) {
                    facts.add(new Fact.Undecided(EgressPath.LOAD_BALANCER,
                            Lookup.elsewhere(Lookup.dotted(id.pointer()), e.id()), id.pointer()));
                } else {
                    facts.add(new Fact.Undecided(EgressPath.LOAD_BALANCER, ((Lookup.Unknowable) target).reason(), id.pointer()));
                }
            }
        }
        for (ResourceGraph.Reference ref : lookup.graph().referencesTo(ipConfiguration.id())) {
            if (ref.from().isType(ResourceTypes.LB_BACKEND_POOL)
                    && Lookup.startsWithIgnoringCase(ref.pointer(), "/properties/loadbalancerbackendaddresses/")) {
                facts.add(ipBased(ref.from(), pool(ref.from(), ""), lookup.named(ipConfiguration) + " is"));
            }
        }
        for (Resource pool : poolsWithUnknownAddresses) {
            if (!(pool(pool, "") instanceof Fact.Absent)) {
                facts.add(new Fact.Undecided(IP_BASED_PATHS, lookup.named(pool)
                        + " has an address whose network interface is known only to the deployment", ""));
            }
        }
        Fact undecided = null;
        for (Fact f : facts) {
            if (f instanceof Fact.Taken) {
                return f;
            }
            if (f instanceof Fact.Undecided && undecided == null) {
                undecided = f;
            }
        }
        return undecided != null ? undecided : Fact.absent(pools.pointer());
    }

    /** What a member of an IP-based pool may leave through: Azure says the pool behaves as a Basic load balancer with default outbound access. */
    static final List<EgressPath> IP_BASED_PATHS = List.of(EgressPath.LOAD_BALANCER, EgressPath.DEFAULT_OUTBOUND);

    /**
     * A member of an IP-based backend pool (configured by {@code ipAddress} and
     * {@code virtualNetwork}): Azure documents that "when a backend pool is configured by IP
     * address, it will behave as a Basic Load Balancer with default outbound enabled"
     * (learn.microsoft.com/azure/load-balancer/backend-pool-management,
     * learn.microsoft.com/azure/load-balancer/outbound-rules), and not whether a load-balancing or
     * outbound rule still gives its members the frontend's SNAT. So where a NIC-based pool's
     * member would leave through the load balancer, this one may leave through it or through
     * default outbound access: undecided, with that reason (a NAT gateway or a public IP of its
     * own still decides before it).
     */
    private Fact ipBased(Resource pool, Fact asNicBased, String who) {
        if (!(asNicBased instanceof Fact.Taken t)) {
            return asNicBased instanceof Fact.Undecided u ? new Fact.Undecided(IP_BASED_PATHS, u.reason(), u.pointer())
                    : asNicBased;
        }
        String lb = lookup.graph().parentOf(pool).map(lookup::named).orElse("its load balancer");
        return new Fact.Undecided(IP_BASED_PATHS, who + " in backend pool '" + pool.name() + "' of public " + lb
                + " by its IP address, and a rule serves that pool; Azure documents that a pool configured by IP address"
                + " behaves as a Basic load balancer with default outbound access enabled, not whether its members get"
                + " the load balancer's outbound SNAT: it leaves through the load balancer or through default outbound access",
                t.pointer());
    }

    /** Whether this pool gives SNAT; the fact rests on {@code pointer} in the node's body. */
    Fact pool(Resource pool, String pointer) {
        // Every node in a pool asks the same: decided once per pool, then rested on each node's pointer.
        Fact decided = byPool.get(pool.id());
        if (decided == null) {
            decided = decide(pool);
            byPool.put(pool.id(), decided);
        }
        return decided.at(pointer);
    }

    /** Whether this pool gives SNAT, resting on no pointer yet. */
    private Fact decide(Resource pool) {
        String pointer = "";
        Resource lb = lookup.graph().parentOf(pool).orElse(null);
        if (lb == null) {
            return new Fact.Undecided(EgressPath.LOAD_BALANCER, "the load balancer of " + lookup.named(pool)
                    + " is not among the evaluated resources", pointer);
        }
        Fact frontend = publicFrontend(lb, pointer);
        if (frontend instanceof Fact.Absent) {
            return frontend;
        }
        Fact.Taken taken = null;
        String undecided = null;
        for (ResourceGraph.UnknownReference hidden : lookup.graph().unknownReferencesFrom(lb)) {
            String p = hidden.pointer();
            if (Lookup.startsWithIgnoringCase(p, "/properties/loadbalancingrules")
                    || Lookup.startsWithIgnoringCase(p, "/properties/outboundrules")
                    || p.isEmpty() || Lookup.equalsIgnoringCase(p, "/properties")) {
                undecided = undecided != null ? undecided
                        : "the rules of " + lookup.named(lb) + " are known only to the deployment: " + hidden.value().describe();
            }
        }
        for (String type : List.of(ResourceTypes.LB_RULE, ResourceTypes.LB_OUTBOUND_RULE)) {
            for (Resource rule : lookup.children(lb, type)) {
                Fact f = rule(rule, pool, lb, pointer);
                if (f instanceof Fact.Taken t && taken == null) {
                    taken = t;
                } else if (f instanceof Fact.Undecided u && undecided == null) {
                    undecided = u.reason();
                }
            }
        }
        if (taken != null && frontend instanceof Fact.Taken) {
            return taken;
        }
        if (taken == null && undecided == null) {
            return Fact.absent(pointer);
        }
        String why = frontend instanceof Fact.Undecided u ? u.reason() : undecided;
        return new Fact.Undecided(EgressPath.LOAD_BALANCER, why, pointer);
    }

    /** Whether the load balancer has a frontend with a public IP or prefix. */
    private Fact publicFrontend(Resource lb, String pointer) {
        String undecided = null;
        Lookup.At list = Lookup.at(lb, "properties.frontendIPConfigurations");
        if (list.value() instanceof Value.Unknown u) {
            undecided = "the frontends of " + lookup.named(lb) + " are known only to the deployment: " + u.describe();
        } else if (list.value() instanceof Value.Arr arr && arr.items().stream().anyMatch(v -> v instanceof Value.Unknown)) {
            undecided = "a frontend of " + lookup.named(lb) + " is known only to the deployment";
        }
        for (Resource frontend : lookup.children(lb, ResourceTypes.LB_FRONTEND)) {
            for (String key : List.of("properties.publicIPAddress", "properties.publicIPPrefix")) {
                Lookup.At at = Lookup.at(frontend, key);
                if (at.value() instanceof Value.Unknown u) {
                    undecided = undecided != null ? undecided : "whether " + lookup.named(frontend)
                            + " is public is known only to the deployment: " + u.describe();
                } else if (!at.isAbsent() && !Lookup.at(at.value(), at.pointer(), "id").isAbsent()) {
                    return new Fact.Taken(EgressPath.LOAD_BALANCER, lb.id().toString(), "public", pointer);
                }
            }
        }
        return undecided != null ? new Fact.Undecided(EgressPath.LOAD_BALANCER, undecided, pointer) : Fact.absent(pointer);
    }

    /** Whether a load-balancing or outbound rule gives the pool's members SNAT. */
    private Fact rule(Resource rule, Resource pool, Resource lb, String pointer) {
        boolean outbound = rule.isType(ResourceTypes.LB_OUTBOUND_RULE);
        boolean servesPool = false;
        for (ResourceGraph.Reference ref : lookup.graph().referencesFrom(rule)) {
            if (ref.target().equals(pool.id())
                    && Lookup.startsWithIgnoringCase(ref.pointer(), "/properties/backendaddresspool")) {
                servesPool = true;
            }
        }
        if (!servesPool) {
            for (ResourceGraph.UnknownReference hidden : lookup.graph().unknownReferencesFrom(rule)) {
                String p = hidden.pointer();
                if ((Lookup.startsWithIgnoringCase(p, "/properties/backendaddresspool") || p.isEmpty()
                        || Lookup.equalsIgnoringCase(p, "/properties"))
                        && hidden.mayName(ResourceTypes.LB_BACKEND_POOL)) {
                    return new Fact.Undecided(EgressPath.LOAD_BALANCER, "the backend pool of " + lookup.named(rule)
                            + " is known only to the deployment: " + hidden.value().describe(), pointer);
                }
            }
            return Fact.absent(pointer);
        }
        if (!outbound) {
            Value disabled = Lookup.at(rule, "properties.disableOutboundSnat").value();
            if (disabled instanceof Value.Unknown u) {
                return new Fact.Undecided(EgressPath.LOAD_BALANCER, "whether " + lookup.named(rule)
                        + " disables outbound SNAT is known only to the deployment: " + u.describe(), pointer);
            }
            if (disabled instanceof Value.Bool b && b.value()) {
                return Fact.absent(pointer);
            }
        }
        PublicIps.Resolved ips = frontendIps(rule, outbound);
        String reason = "in " + Lookup.named(pool.id()) + " of public " + lookup.named(lb) + ", whose "
                + (outbound ? "outbound rule '" : "load-balancing rule '") + rule.name() + "' gives it outbound SNAT";
        return new Fact.Taken(EgressPath.LOAD_BALANCER, pool.id().toString(), ips.ips(), ips.unknown(), reason, pointer);
    }

    /** The public IPs of the frontends a rule uses. */
    private PublicIps.Resolved frontendIps(Resource rule, boolean outbound) {
        PublicIps.Resolved all = PublicIps.Resolved.none();
        for (ResourceGraph.Reference ref : lookup.graph().referencesFrom(rule)) {
            if (!ref.target().isType(ResourceTypes.LB_FRONTEND)) {
                continue;
            }
            Resource frontend = lookup.graph().find(ref.target()).orElse(null);
            if (frontend == null) {
                continue;
            }
            for (String key : List.of("properties.publicIPAddress.id", "properties.publicIPPrefix.id")) {
                Lookup.At id = Lookup.at(frontend, key);
                if (!id.isAbsent()) {
                    all = all.plus(new PublicIps.Resolved(List.of(publicIps.one(id)), null));
                }
            }
        }
        return all;
    }
}
