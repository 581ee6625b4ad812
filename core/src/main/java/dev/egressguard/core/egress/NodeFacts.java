package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of one node in precedence order (route, NAT gateway, own public IP, load balancer
 * SNAT, default outbound access or none): for an ipConfiguration of a NIC, a scale set or a VM's
 * own network profile, and for an AKS node pool with its cluster's {@code outboundType}
 * (learn.microsoft.com/azure/aks/egress-outboundtype).
 */
final class NodeFacts {

    private final Lookup lookup;
    private final PublicIps publicIps;
    private final SubnetFacts subnetFacts;
    private final LoadBalancerSnat snat;
    private final Map<ResourceId, SubnetFacts.Facts> bySubnet = new HashMap<>();
    /** The facts of each subnet as the last node to name it saw them ({@link #subnetAt}). */
    private final Map<ResourceId, SubnetFacts.Facts> lastAt = new HashMap<>();

    NodeFacts(Lookup lookup, PublicIps publicIps, SubnetFacts subnetFacts, LoadBalancerSnat snat) {
        this.lookup = lookup;
        this.publicIps = publicIps;
        this.subnetFacts = subnetFacts;
        this.snat = snat;
    }

    /** A subnet's own facts, computed once per subnet. */
    SubnetFacts.Facts subnet(Resource subnet) {
        return bySubnet.computeIfAbsent(subnet.id(), id -> subnetFacts.of(subnet));
    }

    /** The facts of the subnet whose id is at {@code path} of {@code node}, as the node sees them. */
    SubnetFacts.Facts subnetOf(Resource node, String path) {
        Lookup.At id = Lookup.at(node, path);
        if (id.value() instanceof Value.Unknown u && !(lookup.target(id, "") instanceof Lookup.Found)) {
            return SubnetFacts.Facts.undecided(Lookup.unknownAt(id.pointer(), u), id.pointer());
        }
        if (id.isAbsent()) {
            return SubnetFacts.Facts.undecided(lookup.named(node) + " names no subnet", id.pointer());
        }
        Lookup.Target target = lookup.target(id, "the subnet's id");
        if (target instanceof Lookup.Found f) {
            return subnetAt(f.resource(), id.pointer());
        }
        String why = target instanceof Lookup.Elsewhere e ? Lookup.elsewhere(Lookup.dotted(id.pointer()), e.id())
                : ((Lookup.Unknowable) target).reason();
        return SubnetFacts.Facts.undecided(why, id.pointer());
    }

    /**
     * A subnet's facts resting on {@code pointer}: the nodes on a subnet name it at the same
     * pointer ({@code /properties/subnet/id}), so the facts made for one serve the next ones.
     */
    private SubnetFacts.Facts subnetAt(Resource subnet, String pointer) {
        SubnetFacts.Facts last = lastAt.get(subnet.id());
        if (last != null && last.route().pointer().equals(pointer)) {
            return last;
        }
        SubnetFacts.Facts at = subnet(subnet).at(pointer);
        lastAt.put(subnet.id(), at);
        return at;
    }

    /**
     * The facts of the subnet whose id is {@code id} (a value the node's body builds, such as a
     * Databricks workspace's vnet id and subnet name), resting on {@code pointer}.
     */
    SubnetFacts.Facts subnetOf(Resource node, Value id, String pointer) {
        Lookup.At at = new Lookup.At(id, pointer);
        if (id instanceof Value.Unknown u && !(lookup.target(at, "") instanceof Lookup.Found)) {
            return SubnetFacts.Facts.undecided(Lookup.unknownAt(pointer, u), pointer);
        }
        Lookup.Target target = lookup.target(at, "the subnet's id");
        if (target instanceof Lookup.Found f) {
            return subnetAt(f.resource(), pointer);
        }
        String why = target instanceof Lookup.Elsewhere e ? Lookup.elsewhere(Lookup.dotted(pointer), e.id())
                : ((Lookup.Unknowable) target).reason();
        return SubnetFacts.Facts.undecided(why, pointer);
    }

    /** The load balancer SNAT fact of the backend pool whose id is {@code poolId} (Databricks' egress pool). */
    Fact pool(Value poolId, String pointer, String what) {
        Lookup.At at = new Lookup.At(poolId, pointer);
        Lookup.Target target = lookup.target(at, what);
        if (target instanceof Lookup.Found f) {
            return snat.pool(f.resource(), pointer);
        }
        String why = target instanceof Lookup.Elsewhere e ? Lookup.elsewhere(Lookup.dotted(pointer), e.id())
                : ((Lookup.Unknowable) target).reason();
        return new Fact.Undecided(EgressPath.LOAD_BALANCER, why, pointer);
    }

    PublicIps publicIps() {
        return publicIps;
    }

    /** An ipConfiguration of a NIC, of a scale set's or of a VM's own network profile. */
    List<Fact> ipConfiguration(Resource ipConfiguration) {
        SubnetFacts.Facts subnet = subnetOf(ipConfiguration, "properties.subnet.id");
        return List.of(subnet.route(), subnet.nat(), instanceIp(ipConfiguration), snat.of(ipConfiguration),
                fallback(ipConfiguration, subnet.fallback()));
    }

    private Fact instanceIp(Resource ipConfiguration) {
        boolean nic = ipConfiguration.isType(ResourceTypes.NIC_IP_CONFIGURATION);
        Lookup.At ip = Lookup.at(ipConfiguration, nic ? "properties.publicIPAddress" : "properties.publicIPAddressConfiguration");
        if (ip.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(EgressPath.INSTANCE_PUBLIC_IP, "whether " + lookup.named(ipConfiguration)
                    + " has a public IP is known only to the deployment: " + u.describe(), ip.pointer());
        }
        if (ip.isAbsent()) {
            return Fact.absent(ip.pointer());
        }
        if (nic) {
            Lookup.At id = Lookup.at(ip.value(), ip.pointer(), "id");
            if (id.isAbsent()) {
                return Fact.absent(ip.pointer());
            }
            PublicIp address = publicIps.one(id);
            return new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, address.id(), List.of(address), null,
                    lookup.named(ipConfiguration) + " has a public IP of its own, which takes precedence over load balancer SNAT",
                    id.pointer());
        }
        Lookup.At prefix = Lookup.at(ip.value(), ip.pointer(), "properties.publicIPPrefix.id");
        PublicIps.Resolved ips = prefix.isAbsent()
                ? PublicIps.created(1, "Azure gives every instance a public IP of its own at deployment")
                : new PublicIps.Resolved(List.of(publicIps.one(prefix)), null);
        return new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, prefix.value() instanceof Value.Str s ? s.value() : null,
                ips.ips(), ips.unknown(), lookup.named(ipConfiguration)
                + " gives every instance a public IP of its own (publicIPAddressConfiguration), which takes precedence over load balancer SNAT",
                ip.pointer());
    }

    /** Flexible scale sets have no default outbound access, whatever the subnet says. */
    private Fact fallback(Resource ipConfiguration, Fact subnetFallback) {
        if (!ipConfiguration.isType(ResourceTypes.SCALE_SET_IP_CONFIGURATION)) {
            return subnetFallback;
        }
        Resource scaleSet = ipConfiguration.id().parent().flatMap(ResourceId::parent).flatMap(lookup.graph()::find).orElse(null);
        Value mode = scaleSet == null ? null : Lookup.at(scaleSet, "properties.orchestrationMode").value();
        if (mode instanceof Value.Str s && s.value().equalsIgnoreCase("Flexible")) {
            return new Fact.Taken(EgressPath.NONE, null, "scale set '" + scaleSet.name()
                    + "' uses flexible orchestration, which has no default outbound access", subnetFallback.pointer());
        }
        if (mode instanceof Value.Unknown u && subnetFallback instanceof Fact.Taken t && t.path() == EgressPath.DEFAULT_OUTBOUND) {
            return new Fact.Undecided(List.of(EgressPath.DEFAULT_OUTBOUND, EgressPath.NONE), "the orchestration mode of scale set '"
                    + scaleSet.name() + "' is known only to the deployment: " + u.describe(), subnetFallback.pointer());
        }
        return subnetFallback;
    }

    /** An AKS node pool, with its cluster's outbound type. */
    List<Fact> agentPool(Resource pool) {
        Resource cluster = lookup.graph().parentOf(pool).orElse(null);
        String outboundType = null;
        String undecidedType = null;
        if (cluster == null) {
            undecidedType = "the cluster of " + lookup.named(pool) + " is not among the evaluated resources";
        } else {
            Value v = Lookup.at(cluster, "properties.networkProfile.outboundType").value();
            if (v instanceof Value.Unknown u) {
                undecidedType = "the outboundType of cluster '" + cluster.name() + "' is known only to the deployment: " + u.describe();
            } else {
                outboundType = v instanceof Value.Str s ? s.value().toLowerCase(Locale.ROOT) : "loadbalancer";
            }
        }
        String clusterId = cluster == null ? pool.id().parent().map(Object::toString).orElse(null) : cluster.id().toString();
        if ("block".equals(outboundType)) {
            return List.of(new Fact.Taken(EgressPath.NONE, clusterId, "cluster '" + cluster.name()
                    + "' has outboundType block: AKS blocks all egress of its nodes", ""));
        }
        boolean managedNetwork = Lookup.at(pool, "properties.vnetSubnetID").isAbsent();
        SubnetFacts.Facts subnet = managedNetwork ? managedNetwork(cluster, clusterId, outboundType, undecidedType)
                : subnetOf(pool, "properties.vnetSubnetID");
        Fact loadBalancer = clusterLoadBalancer(cluster, clusterId, outboundType, undecidedType);
        if (!(loadBalancer instanceof Fact.Absent)) {
            // AKS documents outboundType loadBalancer as "the load balancer is used for egress through
            // an AKS assigned public IP", and a NAT gateway on the cluster subnet is used only with
            // userAssignedNATGateway (learn.microsoft.com/azure/aks/egress-outboundtype): the
            // cluster's choice decides over the subnet's NAT gateway and routes, not the other way.
            return List.of(nodePublicIp(pool), loadBalancer, subnet.route(), subnet.nat(), subnet.fallback());
        }
        return List.of(subnet.route(), subnet.nat(), nodePublicIp(pool), loadBalancer, subnet.fallback());
    }

    /** The network AKS creates when a pool names no subnet: only a managed NAT gateway is on it. */
    private SubnetFacts.Facts managedNetwork(Resource cluster, String clusterId, String outboundType, String undecidedType) {
        Fact nat;
        if (undecidedType != null) {
            nat = new Fact.Undecided(EgressPath.NAT_GATEWAY, undecidedType, "");
        } else if (outboundType.equals("managednatgateway") || outboundType.equals("managednatgatewayv2")) {
            PublicIps.Resolved ips = clusterIps(cluster, "properties.networkProfile.natGatewayProfile",
                    "managedOutboundIPProfile.count", "the managed NAT gateway's public IPs");
            nat = new Fact.Taken(EgressPath.NAT_GATEWAY, clusterId, ips.ips(), ips.unknown(), "cluster '" + cluster.name()
                    + "' leaves through the NAT gateway AKS manages for it (outboundType managedNATGateway)", "");
        } else {
            nat = Fact.absent("");
        }
        return new SubnetFacts.Facts(Fact.absent(""), nat, new Fact.Taken(EgressPath.DEFAULT_OUTBOUND, null,
                "the network AKS manages for " + (cluster == null ? "the cluster" : "cluster '" + cluster.name() + "'")
                        + " has no other way out: default outbound access", ""));
    }

    private Fact nodePublicIp(Resource pool) {
        Lookup.At flag = Lookup.at(pool, "properties.enableNodePublicIP");
        if (flag.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(EgressPath.INSTANCE_PUBLIC_IP, "whether " + lookup.named(pool)
                    + " gives its nodes public IPs is known only to the deployment: " + u.describe(), flag.pointer());
        }
        if (!(flag.value() instanceof Value.Bool b) || !b.value()) {
            return Fact.absent(flag.pointer());
        }
        Lookup.At prefix = Lookup.at(pool, "properties.nodePublicIPPrefixID");
        PublicIps.Resolved ips = prefix.isAbsent() ? PublicIps.created(1, "AKS gives every node a public IP of its own at deployment")
                : new PublicIps.Resolved(List.of(publicIps.one(prefix)), null);
        return new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, prefix.value() instanceof Value.Str s ? s.value() : null,
                ips.ips(), ips.unknown(), lookup.named(pool) + " gives every node a public IP of its own (enableNodePublicIP)",
                flag.pointer());
    }

    private Fact clusterLoadBalancer(Resource cluster, String clusterId, String outboundType, String undecidedType) {
        if (undecidedType != null) {
            return new Fact.Undecided(EgressPath.LOAD_BALANCER, undecidedType, "");
        }
        if (!outboundType.equals("loadbalancer")) {
            return Fact.absent("");
        }
        PublicIps.Resolved ips = clusterIps(cluster, "properties.networkProfile.loadBalancerProfile",
                "managedOutboundIPs.count", "the cluster load balancer's outbound IPs");
        return new Fact.Taken(EgressPath.LOAD_BALANCER, clusterId, ips.ips(), ips.unknown(), "cluster '" + cluster.name()
                + "' leaves through its load balancer's outbound SNAT (outboundType loadBalancer, the default when not written)", "");
    }

    /**
     * The outbound IPs of an AKS profile: the ones it names ({@code outboundIPs},
     * {@code outboundIPPrefixes}), else what a live cluster reports ({@code effectiveOutboundIPs}),
     * else as many unnamed ones as AKS creates ({@code count}, 1 when not written).
     */
    private PublicIps.Resolved clusterIps(Resource cluster, String profilePath, String countPath, String what) {
        Lookup.At profile = Lookup.at(cluster, profilePath);
        if (profile.value() instanceof Value.Unknown u) {
            return new PublicIps.Resolved(List.of(), what + " are known only to the deployment: " + u.describe());
        }
        Value p = profile.isAbsent() ? Value.Obj.EMPTY : profile.value();
        PublicIps.Resolved named = publicIps.list(Lookup.at(p, profile.pointer(), "outboundIPs.publicIPs"), what)
                .plus(publicIps.list(Lookup.at(p, profile.pointer(), "outboundIPPrefixes.publicIPPrefixes"), what));
        if (!named.ips().isEmpty() || named.unknown() != null) {
            return named;
        }
        PublicIps.Resolved effective = publicIps.list(Lookup.at(p, profile.pointer(), "effectiveOutboundIPs"), what);
        if (!effective.ips().isEmpty() || effective.unknown() != null) {
            return effective;
        }
        Value count = Lookup.at(p, profile.pointer(), countPath).value();
        if (count instanceof Value.Unknown u) {
            return new PublicIps.Resolved(List.of(), "how many of " + what + " AKS creates is known only to the deployment: "
                    + u.describe());
        }
        long n = count instanceof Value.Int i ? i.value() : 1;
        return PublicIps.created((int) Math.max(0, Math.min(n, 100)), "AKS creates it in the node resource group at deployment");
    }
}
