package dev.egressguard.core.model;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Associations that ARM lets you write on either side, copied to the side rules read:
 * <ul>
 *   <li>a NAT gateway lists its subnets in {@code properties.subnets[].id} (how ARM returns it
 *       live) while a template writes {@code properties.natGateway.id} on the subnet: the subnet
 *       gets {@code natGateway.id} when it has none;</li>
 *   <li>routes declared as {@code routeTables/routes} resources join the route table's
 *       {@code properties.routes}, where ARM returns them and where a template usually writes them.</li>
 * </ul>
 */
final class Associations {

    private Associations() {
    }

    static void apply(Map<ResourceId, Resource> all) {
        // The resources to fold, as they are before any is folded: only these few are kept
        // aside, not a copy of every resource (the steps below replace entries of all).
        List<Resource> folding = new ArrayList<>();
        for (Resource r : all.values()) {
            if (r.isType(ResourceTypes.NAT_GATEWAY) || r.isType(ResourceTypes.ROUTE)) {
                folding.add(r);
            }
        }
        for (Resource r : folding) {
            if (r.isType(ResourceTypes.NAT_GATEWAY)) {
                natGatewaySubnets(r, all);
            } else {
                foldRoute(r, all);
            }
        }
    }

    private static void natGatewaySubnets(Resource nat, Map<ResourceId, Resource> all) {
        Value.Arr subnets = Bodies.arr(nat.properties(), "subnets");
        if (subnets == null) {
            return;
        }
        for (Value entry : subnets.items()) {
            String id = entry instanceof Value.Obj o ? Bodies.idText(o.get("id")) : null;
            Resource subnet = ResourceId.parse(id).map(all::get).orElse(null);
            if (subnet == null || !subnet.isType(ResourceTypes.SUBNET)) {
                continue;
            }
            Value written = subnet.properties().get("natGateway");
            if (written == null || written == Value.Null.INSTANCE) {
                Value.Obj ref = new Value.Obj(Map.of("id", Value.of(nat.id().toString())));
                all.put(subnet.id(), replaceBody(subnet,
                        Bodies.withProperties(subnet.body(), subnet.properties().with("natGateway", ref))));
            }
        }
    }

    private static void foldRoute(Resource route, Map<ResourceId, Resource> all) {
        Resource table = route.id().parent().map(all::get).orElse(null);
        if (table == null) {
            return;
        }
        Value.Obj entry = new Value.Obj(Map.of("name", Value.of(route.name()), "properties", route.properties()));
        List<Value> routes = new ArrayList<>();
        Value.Arr written = Bodies.arr(table.properties(), "routes");
        boolean replaced = false;
        if (written != null) {
            for (Value existing : written.items()) {
                boolean same = existing instanceof Value.Obj o && route.name().equalsIgnoreCase(Bodies.str(o, "name"));
                routes.add(same ? entry : existing);
                replaced |= same;
            }
        }
        if (!replaced) {
            routes.add(entry);
        }
        all.put(table.id(), replaceBody(table,
                Bodies.withProperties(table.body(), table.properties().with("routes", new Value.Arr(routes)))));
    }

    static Resource replaceBody(Resource r, Value.Obj body) {
        return new Resource(r.id(), r.type(), r.name(), r.apiVersion(), body, r.provenance());
    }
}
