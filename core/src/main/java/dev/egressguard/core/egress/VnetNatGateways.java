package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * NAT gateways attached to a whole virtual network: a StandardV2 NAT gateway's
 * {@code properties.sourceVirtualNetwork.id} (network API 2025-05-01) names a vnet, and the NAT
 * gateway serves every subnet of it (learn.microsoft.com/azure/nat-gateway/nat-sku: "3,000
 * [subnets] attached at virtual network level").
 *
 * <p>Azure's documentation does not say which NAT gateway a subnet uses when it names one of its
 * own ({@code natGateway.id}) and its vnet has another: the path is a NAT gateway either way, but
 * which public IPs it leaves from is then unknown, with that reason. A NAT gateway whose
 * {@code sourceVirtualNetwork} only the deployment knows may name any vnet: a subnet without a NAT
 * gateway of its own is then undecided, one with its own leaves from unknown addresses.
 */
final class VnetNatGateways {

    private final Lookup lookup;
    /** NAT gateways by the vnet their sourceVirtualNetwork names. */
    private final Map<ResourceId, List<Resource>> byVnet = new HashMap<>();
    /** NAT gateways whose sourceVirtualNetwork only the deployment knows, with the reason. */
    private final Map<Resource, String> unknown = new HashMap<>();

    VnetNatGateways(Lookup lookup) {
        this.lookup = lookup;
        for (Resource nat : lookup.graph().resources()) {
            if (!nat.isType(ResourceTypes.NAT_GATEWAY)) {
                continue;
            }
            Lookup.At source = Lookup.at(nat, "properties.sourceVirtualNetwork");
            if (source.isAbsent()) {
                continue;
            }
            if (source.value() instanceof Value.Unknown u) {
                unknown.put(nat, "the sourceVirtualNetwork of " + lookup.named(nat) + " is known only to the deployment: "
                        + u.describe());
                continue;
            }
            Lookup.At id = Lookup.at(source.value(), source.pointer(), "id");
            if (id.isAbsent()) {
                continue;
            }
            Lookup.Target target = lookup.target(id, "the sourceVirtualNetwork's id");
            ResourceId vnet = target instanceof Lookup.Found f ? f.resource().id()
                    : target instanceof Lookup.Elsewhere e ? lookup.graph().idOf(e.id()).orElse(null) : null;
            if (vnet != null) {
                byVnet.computeIfAbsent(vnet, k -> new ArrayList<>()).add(nat);
            } else {
                unknown.put(nat, target instanceof Lookup.Unknowable u ? u.reason()
                        : "the sourceVirtualNetwork of " + lookup.named(nat) + " is not a virtual network's id");
            }
        }
    }

    /** The subnet's NAT gateway fact, given its own ({@code own}: from its {@code natGateway.id}). */
    Fact decide(Resource subnet, Fact own, SubnetFacts facts) {
        ResourceId vnet = subnet.id().parent().orElse(null);
        List<Resource> attached = vnet == null ? List.of() : byVnet.getOrDefault(vnet, List.of());
        if (attached.isEmpty() && unknown.isEmpty()) {
            return own;
        }
        String named = lookup.named(subnet);
        if (own instanceof Fact.Undecided) {
            return own;
        }
        if (own instanceof Fact.Taken t) {
            List<Resource> others = attached.stream().filter(n -> !n.id().toString().equalsIgnoreCase(
                    Objects.toString(t.via(), ""))).toList();
            if (others.isEmpty() && unknown.isEmpty()) {
                return own;
            }
            String why = !others.isEmpty()
                    ? named + " names a NAT gateway of its own and its virtual network has " + names(others)
                    + " (sourceVirtualNetwork); which of them it leaves through, Azure's documentation does not say"
                    : String.join("; ", unknown.values()) + ", so it may also serve " + named;
            return new Fact.Taken(EgressPath.NAT_GATEWAY, null, List.of(), why, named
                    + " leaves through a NAT gateway, its own or its virtual network's", t.pointer());
        }
        if (attached.size() == 1) {
            Resource nat = attached.get(0);
            PublicIps.Resolved ips = facts.natIps(nat);
            String reason = named + " leaves through " + lookup.named(nat) + ", attached to its virtual network"
                    + " (sourceVirtualNetwork)" + (ips.ips().isEmpty() && ips.unknown() == null
                    ? ", which has neither a public IP nor a public IP prefix: nothing leaves through it" : "");
            return new Fact.Taken(EgressPath.NAT_GATEWAY, nat.id().toString(), ips.ips(), ips.unknown(), reason,
                    own.pointer());
        }
        if (attached.size() > 1) {
            return new Fact.Taken(EgressPath.NAT_GATEWAY, null, List.of(), "its virtual network has " + names(attached)
                    + " (sourceVirtualNetwork); which one serves it is unknown", named
                    + " leaves through a NAT gateway attached to its virtual network", own.pointer());
        }
        return new Fact.Undecided(EgressPath.NAT_GATEWAY, String.join("; ", unknown.values()) + ", so it may serve "
                + named, own.pointer());
    }

    private String names(List<Resource> nats) {
        return nats.stream().map(lookup::named).collect(Collectors.joining(" and "));
    }
}
