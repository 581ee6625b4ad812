package dev.egressguard.core.template;

import dev.egressguard.core.expression.SymbolParser;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code reference()} reads of a resource the same deployment declares: its runtime state
 * as ARM builds it (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#reference).
 * That is the declared properties, plus what ARM adds deterministically: every inline child
 * (a vnet's subnets, a load balancer's pools and rules, a NIC's ipConfigurations, ...) gets the
 * {@code id} {@code <parent id>/<collection>/<name>} and its {@code type}, and the 'Full' form
 * carries the resource's {@code id}, {@code name}, {@code type}, {@code apiVersion} and
 * {@code location}. Everything else only the deployment knows (provisioningState, resourceGuid,
 * ipAddress, etag, the subnet's ipConfigurations, ...), so every object of the state is
 * <em>open</em> ({@link Value.Obj#isOpen}): a property it does not declare reads as Unknown,
 * never as absent.
 *
 * <p>A collection is exactly the declared children, in order, unless the template also declares
 * children of that collection as separate resources ({@code virtualNetworks/subnets}): those
 * join it at deployment, in an order the deployment decides, so the collection is Unknown.
 */
final class RuntimeState {

    /**
     * Inline child collections under {@code properties} whose entries ARM gives ids of the form
     * {@code <parent id>/<segment>/<name>} (the key of the collection is the segment). Egress
     * Guard's model normalises a subset of these into resources (model.InlineCollection); this
     * list is what ARM's runtime state has, also for collections no rule reads.
     */
    private static final Map<String, List<String>> CHILD_COLLECTIONS = Map.ofEntries(
            Map.entry("microsoft.network/virtualnetworks", List.of("subnets", "virtualNetworkPeerings")),
            Map.entry("microsoft.network/loadbalancers", List.of("frontendIPConfigurations", "backendAddressPools",
                    "loadBalancingRules", "probes", "inboundNatRules", "inboundNatPools", "outboundRules")),
            Map.entry("microsoft.network/networkinterfaces", List.of("ipConfigurations", "tapConfigurations")),
            Map.entry("microsoft.network/networksecuritygroups", List.of("securityRules")),
            Map.entry("microsoft.network/routetables", List.of("routes")),
            Map.entry("microsoft.network/applicationgateways", List.of("gatewayIPConfigurations",
                    "frontendIPConfigurations", "frontendPorts", "backendAddressPools", "backendHttpSettingsCollection",
                    "httpListeners", "requestRoutingRules", "probes", "sslCertificates", "urlPathMaps",
                    "redirectConfigurations", "rewriteRuleSets", "trustedRootCertificates", "authenticationCertificates",
                    "sslProfiles", "listeners", "routingRules", "backendSettingsCollection",
                    "privateLinkConfigurations", "trustedClientCertificates")),
            Map.entry("microsoft.network/azurefirewalls", List.of("ipConfigurations", "applicationRuleCollections",
                    "natRuleCollections", "networkRuleCollections")),
            Map.entry("microsoft.network/virtualnetworkgateways", List.of("ipConfigurations")),
            Map.entry("microsoft.network/bastionhosts", List.of("ipConfigurations")),
            Map.entry("microsoft.network/privatelinkservices", List.of("ipConfigurations")),
            Map.entry("microsoft.network/routefilters", List.of("rules")),
            Map.entry("microsoft.network/expressroutecircuits", List.of("peerings", "authorizations")));

    private RuntimeState() {
    }

    /**
     * The state of {@code target}, whose evaluated body is {@code body}: its properties, or with
     * {@code full} the whole resource. {@code shown} is the expression that asked
     * ({@code reference('lb')}), {@code declared} the instances of the deployment (to find
     * separately declared children).
     */
    static Value.Obj of(Instance target, Value.Obj body, String shown, boolean full, SourceLocation at,
                        List<Instance> declared) {
        Value.Unknown rest = new Value.Unknown("the runtime state of " + shown, at);
        Value.Obj properties = body.get("properties") instanceof Value.Obj p ? p : Value.Obj.EMPTY;
        Value.Obj withChildren = withChildIds(target, properties, shown, at, declared);
        Value.Obj state = (Value.Obj) opened(withChildren, rest);
        if (!full) {
            return state;
        }
        Value.Obj.Builder whole = new Value.Obj.Builder();
        for (Map.Entry<String, Value> e : body.fields().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("properties") || key.equals("condition") || key.equals("dependson")
                    || key.equals("copy") || key.equals("resources") || key.equals("comments")) {
                continue;
            }
            whole.put(e.getKey(), opened(e.getValue(), rest));
        }
        whole.removeIgnoringCase("id");
        whole.put("id", idValue(target.id().toString(), shown + " names a resource whose name is only known at "
                + "deployment", at));
        whole.put("properties", state);
        return whole.rest(rest).build();
    }

    /** The value of an id: a string, or a symbolic Unknown when its names hold terms ({@link Symbol}). */
    static Value idValue(String id, String reason, SourceLocation at) {
        return SymbolParser.parse(id).<Value>map(s -> new Value.Unknown(reason, at, s)).orElseGet(() -> Value.of(id));
    }

    private static Value.Obj withChildIds(Instance target, Value.Obj properties, String shown, SourceLocation at,
                                          List<Instance> declared) {
        List<String> collections = CHILD_COLLECTIONS.get(target.type().toLowerCase(Locale.ROOT));
        if (collections == null) {
            return properties;
        }
        Value.Obj out = properties;
        for (String collection : collections) {
            String key = properties.keyOf(collection);
            if (key == null) {
                continue;
            }
            String childType = target.type() + "/" + collection;
            if (declaresChildren(declared, target.id(), childType)) {
                out = out.with(key, Value.unknown(shown + "." + collection + " also holds the " + collection
                        + " declared as separate resources, in an order only the deployment decides", at));
                continue;
            }
            if (!(properties.get(key) instanceof Value.Arr entries)) {
                continue;
            }
            List<Value> children = new ArrayList<>(entries.size());
            for (Value entry : entries.items()) {
                children.add(entry instanceof Value.Obj child ? withId(target, child, collection, childType, shown, at)
                        : entry);
            }
            out = out.with(key, new Value.Arr(children));
        }
        return out;
    }

    private static Value withId(Instance target, Value.Obj child, String collection, String childType, String shown,
                                SourceLocation at) {
        Value.Obj out = child;
        if (!child.has("id")) {
            Value name = child.get("name");
            String parent = target.id().toString();
            Value id;
            if (name instanceof Value.Str s) {
                id = idValue(parent + "/" + collection + "/" + s.value(), "the id of a " + collection + " entry of "
                        + shown + " holds a name only known at deployment", at);
            } else if (name instanceof Value.Unknown u && u.symbol() != null) {
                id = idValue(parent + "/" + collection + "/" + u.symbol().render(), u.reason(), at);
            } else {
                id = Value.unknown("the id of a " + collection + " entry of " + shown + " depends on its name, which is "
                        + (name == null ? "not written" : "only known at deployment"), at);
            }
            out = out.with("id", id);
        }
        if (!out.has("type")) {
            out = out.with("type", Value.of(childType));
        }
        return out;
    }

    private static boolean declaresChildren(List<Instance> declared, ResourceId parent, String childType) {
        for (Instance i : declared) {
            if (i.type().equalsIgnoreCase(childType) && i.id().parent().map(parent::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** {@code v} with every object in it open: the deployment may have added to any of them. */
    private static Value opened(Value v, Value.Unknown rest) {
        if (v instanceof Value.Obj o) {
            Value.Obj.Builder b = new Value.Obj.Builder();
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                b.put(e.getKey(), opened(e.getValue(), rest));
            }
            return b.rest(rest).build();
        }
        if (v instanceof Value.Arr a) {
            List<Value> items = new ArrayList<>(a.size());
            for (Value item : a.items()) {
                items.add(opened(item, rest));
            }
            return new Value.Arr(items);
        }
        return v;
    }
}
