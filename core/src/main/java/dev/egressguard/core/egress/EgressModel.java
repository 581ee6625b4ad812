package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The egress model of one resource graph: every node with the path its traffic takes, and for
 * every subnet the path a node with no public IP and no load balancer of its own takes there.
 * Computed once per graph ({@link ResourceGraph#derived}); immutable, so rules on other threads
 * may read it.
 *
 * <p>Nodes: the ipConfigurations of NICs (not those of private endpoints and private link
 * services, which a live audit lists), of scale sets' and VMs' own network profiles, and AKS node
 * pools. The precedence, with its sources, is {@link EgressPath}'s; how each fact is read is in
 * {@link SubnetFacts}, {@link LoadBalancerSnat} and {@link NodeFacts}.
 */
public final class EgressModel {

    private final List<EgressNode> nodes;
    private final Map<ResourceId, EgressView> views;

    private EgressModel(List<EgressNode> nodes, Map<ResourceId, EgressView> views) {
        this.nodes = List.copyOf(nodes);
        this.views = views;
    }

    /** The model of {@code graph} from its templates alone, computed on first use. */
    public static EgressModel of(ResourceGraph graph) {
        return of(graph, EgressOptions.NONE);
    }

    /**
     * The model of {@code graph} with what the run declares ({@link EgressOptions}: the rule
     * settings), computed once per graph and options ({@link EgressModels}).
     */
    public static EgressModel of(ResourceGraph graph, EgressOptions options) {
        return EgressModels.of(graph, options, EgressModel::compute);
    }

    /** Every node, in graph order. */
    public List<EgressNode> nodes() {
        return nodes;
    }

    /** The egress view of a node (ipConfiguration, node pool) or a subnet; empty for any other resource. */
    public Optional<EgressView> viewOf(Resource resource) {
        return Optional.ofNullable(views.get(resource.id()));
    }

    /**
     * {@link #viewOf}, null for a resource without a view: a rule's paths into the view ask for it
     * several times on every resource they select, and most of them only test a value.
     */
    public EgressView view(Resource resource) {
        return views.get(resource.id());
    }

    private static EgressModel compute(ResourceGraph graph, EgressOptions options) {
        Lookup lookup = new Lookup(graph);
        PublicIps publicIps = new PublicIps(lookup);
        NodeFacts facts = new NodeFacts(lookup, publicIps, new SubnetFacts(lookup, publicIps, options),
                new LoadBalancerSnat(lookup, publicIps));
        ServiceNodes services = new ServiceNodes(lookup, facts);
        Map<ResourceId, EgressView> views = new HashMap<>();
        List<EgressNode> nodes = new ArrayList<>();
        Map<ResourceId, Integer> serviceNodesBySubnet = new HashMap<>();
        Map<ResourceId, Integer> onDefaultOutbound = new HashMap<>();
        Map<ResourceId, String> maybeOnDefaultOutbound = new HashMap<>();
        List<Resource> subnets = new ArrayList<>();
        for (Resource r : graph.resources()) {
            if (r.isType(ResourceTypes.SUBNET)) {
                subnets.add(r);
            } else if (isIpConfigurationNode(r, graph)) {
                EgressView view = decide(r, () -> facts.ipConfiguration(r));
                views.put(r.id(), view);
                if (!isAksNodeScaleSet(r, graph)) {
                    nodes.add(node(r, view, graph, "properties.subnet.id"));
                }
            } else if (r.isType(ResourceTypes.AGENT_POOL)) {
                EgressView view = decide(r, () -> facts.agentPool(r));
                views.put(r.id(), view);
                nodes.add(node(r, view, graph, "properties.vnetSubnetID"));
            } else if (ServiceNodes.isServiceType(r.type())) {
                serviceNode(services, r).ifPresent(service -> {
                    EgressView view = decide(r, service::facts);
                    views.put(r.id(), view);
                    nodes.add(serviceNode(r, service, view, graph));
                    if (service.subnet() != null) {
                        graph.idOf(service.subnet()).ifPresent(id -> {
                            serviceNodesBySubnet.merge(id, 1, Integer::sum);
                            Egress e = view.egress();
                            if (e.path() == EgressPath.DEFAULT_OUTBOUND) {
                                onDefaultOutbound.merge(id, 1, Integer::sum);
                            } else if (!e.isKnown() && e.possible().contains(EgressPath.DEFAULT_OUTBOUND)) {
                                maybeOnDefaultOutbound.putIfAbsent(id, e.reason());
                            }
                        });
                    }
                });
            }
        }
        for (Resource subnet : subnets) {
            Precedence.Decision decision = decision(subnet, () -> {
                SubnetFacts.Facts f = facts.subnet(subnet);
                return List.of(f.route(), f.nat(), f.fallback());
            });
            int sure = onDefaultOutbound.getOrDefault(subnet.id(), 0);
            String maybe = maybeOnDefaultOutbound.get(subnet.id());
            Value onDefault = sure == 0 && maybe != null ? new Value.Unknown(maybe, null) : Value.of(sure);
            views.put(subnet.id(), EgressView.ofSubnet(decision,
                    Value.of(serviceNodesBySubnet.getOrDefault(subnet.id(), 0)), onDefault));
        }
        // Not copied: nothing changes it after this, and the model reaches other threads through
        // EgressModels' concurrent map, which publishes it whole.
        return new EgressModel(nodes, Collections.unmodifiableMap(views));
    }

    /** The view of one node: see {@link #decision}. */
    private static EgressView decide(Resource r, Supplier<List<Fact>> facts) {
        return EgressView.of(decision(r, facts));
    }

    /**
     * The decision for one node or subnet. A defect in the model must not end the run (the map and
     * every rule use it): the resource's path becomes UNKNOWN, saying so, and the other resources go on.
     */
    private static Precedence.Decision decision(Resource r, Supplier<List<Fact>> facts) {
        try {
            return Precedence.decide(facts.get());
        } catch (RuntimeException | StackOverflowError e) {
            return Precedence.decide(List.of(broken(r, e)));
        }
    }

    private static Optional<ServiceNodes.ServiceNode> serviceNode(ServiceNodes services, Resource r) {
        try {
            return services.of(r);
        } catch (RuntimeException | StackOverflowError e) {
            ServiceNodes.ServiceNode unknown = new ServiceNodes.ServiceNode(ServiceNodes.kindOf(r.type()), null,
                    List.of(broken(r, e)));
            return Optional.of(unknown);
        }
    }

    private static Fact broken(Resource r, Throwable e) {
        List<EgressPath> every = java.util.Arrays.stream(EgressPath.values()).filter(p -> p != EgressPath.UNKNOWN).toList();
        return new Fact.Undecided(every, "the egress model could not decide for " + r.type() + " '" + r.name() + "' ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); please report this as a bug", "");
    }

    private static EgressNode serviceNode(Resource r, ServiceNodes.ServiceNode service, EgressView view, ResourceGraph graph) {
        String group = service.subnet() == null ? "unknown network"
                : graph.idOf(service.subnet()).flatMap(ResourceId::parent).map(v -> "vnet ".concat(v.name())).orElse("unknown network");
        return new EgressNode(r.id().toString(), service.kind(), r.name(), service.subnet(), group, r.provenance().location(),
                view.egress(), view.bypassed());
    }

    /**
     * A scale set AKS made for a node pool (tag {@code aks-managed-poolName}, in the cluster's node
     * resource group): a live audit lists it beside the pool, and the map shows the pool, not both.
     * Rules still check it as the scale set it is.
     */
    private static boolean isAksNodeScaleSet(Resource r, ResourceGraph graph) {
        if (!r.isType(ResourceTypes.SCALE_SET_IP_CONFIGURATION)) {
            return false;
        }
        return r.id().parent().flatMap(ResourceId::parent).flatMap(graph::find)
                .map(scaleSet -> scaleSet.body().get("tags") instanceof Value.Obj tags && tags.has("aks-managed-poolName"))
                .orElse(false);
    }

    private static boolean isIpConfigurationNode(Resource r, ResourceGraph graph) {
        if (r.isType(ResourceTypes.SCALE_SET_IP_CONFIGURATION) || r.isType(ResourceTypes.VM_IP_CONFIGURATION)) {
            return true;
        }
        if (!r.isType(ResourceTypes.NIC_IP_CONFIGURATION)) {
            return false;
        }
        // A live audit also sees the NICs Azure makes for private endpoints and private link services.
        Resource nic = graph.parentOf(r).orElse(null);
        return nic == null || Lookup.at(nic, "properties.privateEndpoint.id").isAbsent()
                && Lookup.at(nic, "properties.privateLinkService.id").isAbsent();
    }

    private static EgressNode node(Resource r, EgressView view, ResourceGraph graph, String subnetPath) {
        Value subnetValue = Lookup.at(r, subnetPath).value();
        String subnet = subnetValue instanceof Value.Str s ? s.value()
                : subnetValue instanceof Value.Unknown u && u.symbol() != null ? u.symbol().render() : null;
        NodeKind kind;
        String name;
        String group;
        if (r.isType(ResourceTypes.AGENT_POOL)) {
            kind = NodeKind.AKS_NODE_POOL;
            String cluster = r.id().parent().map(ResourceId::name).orElse("?");
            name = cluster + "/" + r.name();
            group = "cluster " + cluster;
        } else {
            ResourceId owner = r.id().parent().flatMap(ResourceId::parent).orElse(r.id());
            if (r.isType(ResourceTypes.SCALE_SET_IP_CONFIGURATION)) {
                kind = NodeKind.SCALE_SET;
                name = owner.name();
            } else if (r.isType(ResourceTypes.VM_IP_CONFIGURATION)) {
                kind = NodeKind.VIRTUAL_MACHINE;
                name = owner.name();
            } else {
                ResourceId nic = r.id().parent().orElse(r.id());
                Resource vm = null;
                for (ResourceGraph.Reference ref : graph.referencesTo(nic)) {
                    if (ref.from().isType(ResourceTypes.VIRTUAL_MACHINE)) {
                        vm = ref.from();
                        break;
                    }
                }
                kind = vm != null ? NodeKind.VIRTUAL_MACHINE : NodeKind.NETWORK_INTERFACE;
                name = vm != null ? vm.name() : nic.name();
            }
            group = subnet == null ? "unknown network"
                    : graph.idOf(subnet).flatMap(ResourceId::parent).map(v -> "vnet ".concat(v.name())).orElse("unknown network");
        }
        return new EgressNode(r.id().toString(), kind, name, subnet, group, r.provenance().location(), view.egress(),
                view.bypassed());
    }
}
