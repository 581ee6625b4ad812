package dev.egressguard.core.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings evaluated template resources and live resources into one shape before the
 * {@link ResourceGraph} is built, so that rules see one resource per ARM object with an id:
 * <ul>
 *   <li>inline children become resources ({@link InlineCollection#ALL}: vnet subnets, NIC
 *       ipConfigurations, load balancer frontends / pools / rules / outbound rules / inbound NAT
 *       rules and pools, scale set and VM network profiles (synthetic types, see
 *       {@link ResourceTypes}), AKS {@code agentPoolProfiles});</li>
 *   <li>a child declared both inline and as a resource of its own (a subnet in the vnet and as
 *       {@code virtualNetworks/subnets}) is one resource: the separately declared one, whole.
 *       ARM deploys it after its parent, and a PUT of a subnet or an agent pool replaces every
 *       property, so a NAT gateway written only in the vnet's inline copy is gone once the
 *       separate subnet is deployed;</li>
 *   <li>a child's name is its own name ({@code default}, not {@code vnet/default}), as ARM returns it;</li>
 *   <li>associations written on the other side are copied where rules look for them
 *       ({@link Associations}); an IP-based backend pool address is tied to the NIC
 *       ipConfiguration holding that address ({@link BackendAddressMatching}).</li>
 * </ul>
 * Values are never guessed: an Unknown stays in place, and a reference to a resource outside
 * the set stays an id that resolves to nothing, so rules answer UNKNOWN with the reason.
 */
public final class Normalizer {

    private Normalizer() {
    }

    /** The normalised resources: the inputs first (in order, children by their own name), then the new children. */
    public static List<Resource> normalize(List<Resource> resources) {
        // Inline children usually outnumber what a template declares (a vnet's subnets, a scale
        // set's configurations): room for a few per resource, so that the index seldom grows.
        Map<ResourceId, Resource> all = new LinkedHashMap<>(Math.max(16, resources.size() * 4));
        for (Resource r : resources) {
            // A later declaration of the same id replaces an earlier one, as in ResourceGraph.of.
            all.put(r.id(), withOwnName(r));
        }
        Deque<Resource> parents = new ArrayDeque<>(all.values());
        while (!parents.isEmpty()) {
            List<Resource> children = InlineChildren.of(parents.poll());
            for (int i = 0; i < children.size(); i++) {
                Resource child = children.get(i);
                if (all.putIfAbsent(child.id(), child) == null) {
                    parents.add(child);
                }
            }
        }
        Associations.apply(all);
        BackendAddressMatching.apply(all);
        return new NormalizedResources(all);
    }

    /**
     * ARM templates name a child {@code vnet/default}; ARM returns {@code default}. Rules match
     * names ({@code GatewaySubnet}), so every child is known by its own name.
     */
    private static Resource withOwnName(Resource r) {
        String own = r.id().name();
        if (r.id().names().size() < 2 || r.name().equals(own) || !r.name().contains("/")) {
            return r;
        }
        return new Resource(r.id(), r.type(), own, r.apiVersion(), r.body(), r.provenance());
    }
}
