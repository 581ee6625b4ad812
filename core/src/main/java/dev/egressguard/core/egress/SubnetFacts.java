package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a subnet decides for every node on it: a route for 0.0.0.0/0 (to a firewall, or dropped),
 * its NAT gateway, and whether it is private (no default outbound access).
 */
final class SubnetFacts {

    /** What a subnet with default outbound access and nothing explicit says after its name (one concatenation, at its length). */
    private static final String DEFAULT_OUTBOUND_ON =
            " has no explicit egress and leaves default outbound access on: Azure picks the address";

    /** The network API version from which a subnet without {@code defaultOutboundAccess} is private. */
    static final String PRIVATE_BY_DEFAULT_FROM = "2025-07-01";

    /** A subnet's three facts, in precedence order: route, NAT gateway, default outbound access. */
    record Facts(Fact route, Fact nat, Fact fallback) {
        /** The same facts, all resting on the node's own reference to the subnet. */
        Facts at(String pointer) {
            return new Facts(route.at(pointer), nat.at(pointer), fallback.at(pointer));
        }

        static Facts undecided(String reason, String pointer) {
            return new Facts(new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE), reason, pointer),
                    new Fact.Undecided(EgressPath.NAT_GATEWAY, reason, pointer),
                    new Fact.Undecided(List.of(EgressPath.DEFAULT_OUTBOUND, EgressPath.NONE), reason, pointer));
        }
    }

    private final Lookup lookup;
    private final PublicIps publicIps;
    private final EgressOptions options;
    private final VnetNatGateways vnetNatGateways;
    /** {@link #natIps} by NAT gateway. */
    private final Map<ResourceId, PublicIps.Resolved> natIps = new HashMap<>();

    SubnetFacts(Lookup lookup, PublicIps publicIps) {
        this(lookup, publicIps, EgressOptions.NONE);
    }

    SubnetFacts(Lookup lookup, PublicIps publicIps, EgressOptions options) {
        this.lookup = lookup;
        this.publicIps = publicIps;
        this.options = options == null ? EgressOptions.NONE : options;
        this.vnetNatGateways = new VnetNatGateways(lookup);
    }

    Facts of(Resource subnet) {
        return new Facts(route(subnet), vnetNatGateways.decide(subnet, nat(subnet), this), fallback(subnet));
    }

    /**
     * A user-defined route for 0.0.0.0/0: to an appliance or a gateway (forced tunnelling), or
     * dropped; else, for a vnet the run declares to leave through its hub ({@link EgressOptions}),
     * the hub's firewall. A user-defined route takes precedence over a route learned over BGP
     * (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview), so the subnet's
     * own 0.0.0.0/0 route, whatever its next hop, decides over the declared hub.
     */
    private Fact route(Resource subnet) {
        boolean hub = options.viaHub(subnet.id().parent().orElse(null));
        Lookup.At table = Lookup.at(subnet, "properties.routeTable");
        Lookup.At id = Lookup.at(table.value() == null ? Value.Null.INSTANCE : table.value(), table.pointer(), "id");
        if (table.isAbsent()) {
            return hub ? viaHub(subnet, "") : Fact.absent(table.pointer() + "/id");
        }
        if (table.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE),
                    "the route table of " + lookup.named(subnet) + " is known only to the deployment: " + u.describe(),
                    table.pointer());
        }
        if (id.isAbsent()) {
            return hub ? viaHub(subnet, "") : Fact.absent(id.pointer());
        }
        Lookup.Target target = lookup.target(id, "the route table's id");
        if (target instanceof Lookup.Elsewhere e) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE),
                    Lookup.elsewhere(Lookup.dotted(id.pointer()), e.id()) + ", so its routes are unknown", id.pointer());
        }
        if (target instanceof Lookup.Unknowable u) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE), u.reason(), id.pointer());
        }
        Resource routeTable = ((Lookup.Found) target).resource();
        return defaultRoute(routeTable, id.pointer(), hub ? subnet : null);
    }

    /** The table's route for 0.0.0.0/0; {@code hubSubnet}: the subnet, when its vnet is declared to leave through its hub. */
    private Fact defaultRoute(Resource table, String pointer, Resource hubSubnet) {
        List<Value.Obj> routes = new ArrayList<>();
        Lookup.At inline = Lookup.at(table, "properties.routes");
        if (inline.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE),
                    "the routes of " + lookup.named(table) + " are known only to the deployment: " + u.describe(), pointer);
        }
        if (inline.value() instanceof Value.Arr arr) {
            for (Value v : arr.items()) {
                if (v instanceof Value.Obj o) {
                    routes.add(o);
                } else if (v instanceof Value.Unknown u) {
                    return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE),
                            "a route of " + lookup.named(table) + " is known only to the deployment: " + u.describe(), pointer);
                }
            }
        }
        lookup.children(table, ResourceTypes.ROUTE).forEach(r -> routes.add(r.body()));
        String undecided = null;
        boolean ownDefaultRoute = false;
        for (Value.Obj route : routes) {
            Value prefix = Lookup.at(route, "", "properties.addressPrefix").value();
            Value hop = Lookup.at(route, "", "properties.nextHopType").value();
            String name = route.get("name") instanceof Value.Str s ? s.value() : "?";
            if (prefix instanceof Value.Unknown || hop instanceof Value.Unknown) {
                undecided = undecided != null ? undecided : "route '" + name + "' of " + lookup.named(table)
                        + " has an address prefix or next hop known only to the deployment";
                continue;
            }
            if (!(prefix instanceof Value.Str p) || !p.value().trim().equals("0.0.0.0/0") || !(hop instanceof Value.Str h)) {
                continue;
            }
            String hopType = h.value().toLowerCase(Locale.ROOT);
            String where = "route '" + name + "' of " + lookup.named(table);
            switch (hopType) {
                case "virtualappliance" -> {
                    Value ip = Lookup.at(route, "", "properties.nextHopIpAddress").value();
                    return new Fact.Taken(EgressPath.FIREWALL, table.id().toString(), where
                            + " sends 0.0.0.0/0 to the virtual appliance" + (ip instanceof Value.Str s ? " at " + s.value() : "")
                            + ", which takes precedence over a NAT gateway, public IPs and load balancers", pointer);
                }
                case "virtualnetworkgateway" -> {
                    return new Fact.Taken(EgressPath.FIREWALL, table.id().toString(), where
                            + " sends 0.0.0.0/0 to the virtual network gateway (forced tunnelling), which takes"
                            + " precedence over a NAT gateway, public IPs and load balancers", pointer);
                }
                case "none" -> {
                    return new Fact.Taken(EgressPath.NONE, table.id().toString(), where
                            + " drops 0.0.0.0/0 (next hop None): nothing reaches the internet", pointer);
                }
                default -> {
                    // Internet or VnetLocal: no appliance in the way; the NAT gateway or what follows
                    // applies, and a default route learned from a hub does not (a user-defined route wins).
                    ownDefaultRoute = true;
                }
            }
        }
        if (undecided != null) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL, EgressPath.NONE), undecided, pointer);
        }
        if (hubSubnet == null || ownDefaultRoute) {
            return Fact.absent(pointer);
        }
        Value propagation = Lookup.at(table, "properties.disableBgpRoutePropagation").value();
        if (propagation instanceof Value.Unknown u) {
            return new Fact.Undecided(List.of(EgressPath.FIREWALL), lookup.named(hubSubnet) + " is declared to leave through"
                    + " its hub (" + EgressOptions.EGRESS_VIA_HUB + "), and whether " + lookup.named(table)
                    + " keeps routes learned over BGP off it (disableBgpRoutePropagation) is known only to the deployment: "
                    + u.describe(), pointer);
        }
        if (propagation instanceof Value.Bool b && b.value()) {
            // Azure documents that disabling gateway route propagation keeps routes learned over BGP
            // off the subnet, and does not say whether a Virtual WAN hub's default route is one of
            // them: conservatively undecided.
            return new Fact.Undecided(List.of(EgressPath.FIREWALL), lookup.named(hubSubnet) + " is declared to leave"
                    + " through its hub (" + EgressOptions.EGRESS_VIA_HUB + "), but " + lookup.named(table)
                    + " sets disableBgpRoutePropagation: true, which keeps routes learned over BGP off the subnet;"
                    + " whether the hub's default route still reaches it, Azure's documentation does not say", pointer);
        }
        return viaHub(hubSubnet, pointer);
    }

    /** The hub's firewall, for a subnet whose vnet the run declares to leave through it. */
    private Fact viaHub(Resource subnet, String pointer) {
        String vnet = subnet.id().parent().map(Object::toString).orElse(null);
        return new Fact.Taken(EgressPath.FIREWALL, vnet, lookup.named(subnet) + " sends 0.0.0.0/0 to its hub's firewall"
                + " through routes no template holds (Virtual WAN routing intent, or a default route learned over BGP),"
                + " which take precedence over a NAT gateway, public IPs and load balancers: " + EgressOptions.DECLARED,
                pointer);
    }

    /** The subnet's NAT gateway, with its public IPs and prefixes. */
    private Fact nat(Resource subnet) {
        Lookup.At ref = Lookup.at(subnet, "properties.natGateway");
        if (ref.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(EgressPath.NAT_GATEWAY,
                    "the NAT gateway of " + lookup.named(subnet) + " is known only to the deployment: " + u.describe(),
                    ref.pointer());
        }
        Lookup.At id = Lookup.at(ref.isAbsent() ? Value.Null.INSTANCE : ref.value(), ref.pointer(), "id");
        if (ref.isAbsent() || id.isAbsent()) {
            return Fact.absent(ref.pointer() + "/id");
        }
        Lookup.Target target = lookup.target(id, "the NAT gateway's id");
        if (target instanceof Lookup.Elsewhere e) {
            String why = Lookup.elsewhere(Lookup.dotted(id.pointer()), e.id());
            return new Fact.Taken(EgressPath.NAT_GATEWAY, e.id(), List.of(), why,
                    lookup.named(subnet) + " leaves through NAT gateway '"
                            + lookup.graph().idOf(e.id()).map(ResourceId::name).orElse(e.id()) + "'", id.pointer());
        }
        if (target instanceof Lookup.Unknowable u) {
            // Which NAT gateway is unknown, that there is one is not: the path is the NAT gateway's.
            return new Fact.Taken(EgressPath.NAT_GATEWAY, null, List.of(), u.reason(),
                    lookup.named(subnet) + " leaves through a NAT gateway known only to the deployment", id.pointer());
        }
        Resource nat = ((Lookup.Found) target).resource();
        PublicIps.Resolved ips = natIps(nat);
        String reason = Lookup.sentence(lookup.named(subnet), " leaves through ", lookup.named(nat),
                ips.ips().isEmpty() && ips.unknown() == null
                        ? ", which has neither a public IP nor a public IP prefix: nothing leaves through it" : "");
        return new Fact.Taken(EgressPath.NAT_GATEWAY, nat.id().toString(), ips.ips(), ips.unknown(), reason, id.pointer());
    }

    /**
     * The public IPs and prefixes of a NAT gateway, IPv4 and IPv6 (a StandardV2 NAT gateway's
     * {@code publicIpAddressesV6} and {@code publicIpPrefixesV6}, network API 2025-05-01;
     * learn.microsoft.com/azure/nat-gateway/nat-sku).
     */
    PublicIps.Resolved natIps(Resource nat) {
        // One NAT gateway serves many subnets (and, attached to a vnet, all of its subnets).
        PublicIps.Resolved known = natIps.get(nat.id());
        if (known == null) {
            known = readNatIps(nat);
            natIps.put(nat.id(), known);
        }
        return known;
    }

    private PublicIps.Resolved readNatIps(Resource nat) {
        String named = lookup.named(nat);
        return publicIps.list(Lookup.at(nat, "properties.publicIpAddresses"), "the public IPs of " + named)
                .plus(publicIps.list(Lookup.at(nat, "properties.publicIpPrefixes"), "the public IP prefixes of " + named))
                .plus(publicIps.list(Lookup.at(nat, "properties.publicIpAddressesV6"), "the IPv6 public IPs of " + named))
                .plus(publicIps.list(Lookup.at(nat, "properties.publicIpPrefixesV6"), "the IPv6 public IP prefixes of " + named));
    }

    /**
     * Default outbound access, or none on a private subnet: {@code defaultOutboundAccess: false},
     * or not written with network API version 2025-07-01 or later
     * (learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
     */
    private Fact fallback(Resource subnet) {
        Lookup.At flag = Lookup.at(subnet, "properties.defaultOutboundAccess");
        String named = lookup.named(subnet);
        if (flag.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(List.of(EgressPath.DEFAULT_OUTBOUND, EgressPath.NONE),
                    "whether " + named + " is private is known only to the deployment: " + u.describe(), flag.pointer());
        }
        if (flag.value() instanceof Value.Bool b) {
            return b.value()
                    ? new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null, named.concat(DEFAULT_OUTBOUND_ON), flag.pointer())
                    : new Fact.Taken(EgressPath.NONE, null, named.concat(
                    " is private (defaultOutboundAccess: false) and has no explicit egress: nothing reaches the internet"),
                    flag.pointer());
        }
        String apiVersion = subnet.apiVersion() != null ? subnet.apiVersion()
                : subnet.body().get("apiVersion") instanceof Value.Str s ? s.value() : null;
        if (apiVersion != null && apiVersion.compareTo(PRIVATE_BY_DEFAULT_FROM) >= 0) {
            return new Fact.Taken(EgressPath.NONE, null, named + " is private by default (API version " + apiVersion
                    + ") and has no explicit egress: nothing reaches the internet", flag.pointer());
        }
        return new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null, named.concat(DEFAULT_OUTBOUND_ON), flag.pointer());
    }
}
