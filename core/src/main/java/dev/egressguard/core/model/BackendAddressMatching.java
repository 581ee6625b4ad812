package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IP-based backend pool ({@code loadBalancerBackendAddresses[].properties.ipAddress} in a
 * virtual network) names its members by address, and their NICs do not mention the pool. Live,
 * ARM ties each such address to the NIC ipConfiguration holding it
 * ({@code properties.networkInterfaceIPConfiguration.id}); this step does the same for a
 * template when exactly one NIC ipConfiguration in that virtual network has that static
 * address, so rules can follow membership from either side. Dynamic addresses cannot be
 * matched before deployment and stay unmatched.
 */
final class BackendAddressMatching {

    private BackendAddressMatching() {
    }

    static void apply(Map<ResourceId, Resource> all) {
        Map<String, List<Resource>> byAddress = new HashMap<>();
        // The pools as they are before any is matched, in order; only they are kept aside.
        List<Resource> pools = new ArrayList<>();
        for (Resource r : all.values()) {
            if (r.isType(ResourceTypes.NIC_IP_CONFIGURATION)) {
                String ip = Bodies.str(r.properties(), "privateIPAddress");
                if (ip != null && !ip.isBlank()) {
                    byAddress.computeIfAbsent(ip.trim(), k -> new ArrayList<>()).add(r);
                }
            } else if (r.isType(ResourceTypes.LB_BACKEND_POOL)) {
                pools.add(r);
            }
        }
        if (byAddress.isEmpty()) {
            return;
        }
        for (Resource pool : pools) {
            match(pool, byAddress).ifPresent(body -> all.put(pool.id(), Associations.replaceBody(pool, body)));
        }
    }

    private static Optional<Value.Obj> match(Resource pool, Map<String, List<Resource>> byAddress) {
        Value.Arr addresses = Bodies.arr(pool.properties(), "loadBalancerBackendAddresses");
        if (addresses == null) {
            return Optional.empty();
        }
        List<Value> out = new ArrayList<>();
        boolean changed = false;
        for (Value a : addresses.items()) {
            Value matched = a instanceof Value.Obj address ? tie(address, byAddress) : null;
            out.add(matched != null ? matched : a);
            changed |= matched != null;
        }
        if (!changed) {
            return Optional.empty();
        }
        return Optional.of(Bodies.withProperties(pool.body(),
                pool.properties().with("loadBalancerBackendAddresses", new Value.Arr(out))));
    }

    /** The address with its NIC ipConfiguration, or null when it has one already or none matches. */
    private static Value.Obj tie(Value.Obj address, Map<String, List<Resource>> byAddress) {
        Value.Obj props = Bodies.obj(address, "properties");
        if (props == null || props.has("networkInterfaceIPConfiguration")) {
            return null;
        }
        String ip = Bodies.str(props, "ipAddress");
        Optional<ResourceId> vnet = network(props);
        if (ip == null || vnet.isEmpty()) {
            return null;
        }
        List<Resource> candidates = byAddress.getOrDefault(ip.trim(), List.of()).stream()
                .filter(c -> ResourceId.parse(Bodies.refId(c.properties(), "subnet"))
                        .flatMap(ResourceId::parent).filter(vnet.get()::equals).isPresent())
                .toList();
        if (candidates.size() != 1) {
            return null;
        }
        Value.Obj ref = new Value.Obj(Map.of("id", Value.of(candidates.get(0).id().toString())));
        return address.with("properties", props.with("networkInterfaceIPConfiguration", ref));
    }

    /** The address's virtual network: written directly, or the vnet of its subnet. */
    private static Optional<ResourceId> network(Value.Obj props) {
        Optional<ResourceId> vnet = ResourceId.parse(Bodies.refId(props, "virtualNetwork"));
        return vnet.isPresent() ? vnet : ResourceId.parse(Bodies.refId(props, "subnet")).flatMap(ResourceId::parent);
    }
}
