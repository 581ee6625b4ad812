package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compute that Azure services run on your subnets: their instances leave through the subnet like
 * a VM's, so they are nodes of the map, and their subnets node subnets, even when delegated.
 * Each kind's facts, with its Azure source:
 * <ul>
 *   <li>Azure Databricks with VNet injection ({@code parameters.customVirtualNetworkId} and
 *       {@code customPublicSubnetName}): cluster VMs leave from the host (public) subnet; without
 *       secure cluster connectivity ({@code enableNoPublicIp} false) each gets a public IP; its
 *       default is true from API version 2024-05-01 ("Boolean indicating whether the public IP
 *       should be disabled. Default value is true", Microsoft.Databricks REST API 2024-05-01;
 *       learn.microsoft.com/azure/databricks/security/network/classic/secure-cluster-connectivity),
 *       and earlier it was opt-in; an egress load balancer given to the workspace
 *       ({@code loadBalancerId}, {@code loadBalancerBackendPoolName}) gives SNAT like any pool;</li>
 *   <li>Azure Container Apps environments ({@code vnetConfiguration.infrastructureSubnetId}):
 *       a workload profiles environment "supports user-defined routes (UDRs), egress through Azure
 *       NAT Gateway"; a consumption-only one "doesn't support UDRs, egress through Azure NAT
 *       Gateway ... or other custom egress" (learn.microsoft.com/azure/container-apps/networking),
 *       so it leaves through the service's own addresses;</li>
 *   <li>Azure Container Instances container groups ({@code subnetIds}): a NAT gateway on the
 *       subnet gives them a static outbound IP
 *       (learn.microsoft.com/azure/container-instances/container-instances-nat-gateway);</li>
 *   <li>Azure Batch pools ({@code networkConfiguration.subnetId}):
 *       {@code publicIPAddressConfiguration.provision} BatchManaged (the default) or UserManaged
 *       gives every node a public IP, NoPublicIPAddresses none
 *       (learn.microsoft.com/rest/api/batchmanagement/pool/create: "The default value is
 *       BatchManaged");</li>
 *   <li>App Service and Functions regional VNet integration ({@code virtualNetworkSubnetId}, or a
 *       {@code sites/networkConfig} child's {@code subnetResourceId}): only with route-all
 *       ({@code vnetRouteAllEnabled}, {@code siteConfig.vnetRouteAllEnabled} or
 *       {@code outboundVnetRouting.allTraffic} / {@code applicationTraffic}) does internet traffic
 *       use the subnet and its NAT gateway ("This causes all outbound traffic to have Virtual
 *       Network Security Groups and User Defined Routes applied";
 *       learn.microsoft.com/azure/app-service/overview-nat-gateway-integration); without it the
 *       app leaves through its own shared outbound addresses.</li>
 * </ul>
 */
final class ServiceNodes {

    static final String DATABRICKS = "Microsoft.Databricks/workspaces";
    static final String CONTAINER_APPS = "Microsoft.App/managedEnvironments";
    static final String CONTAINER_GROUP = "Microsoft.ContainerInstance/containerGroups";
    static final String BATCH_POOL = "Microsoft.Batch/batchAccounts/pools";
    static final String SITE = "Microsoft.Web/sites";
    static final String SITE_NETWORK_CONFIG = "Microsoft.Web/sites/networkConfig";
    /** The first network API version whose Databricks workspaces default to no public IP. */
    static final String DATABRICKS_NO_PUBLIC_IP_FROM = "2024-05-01";

    /** A service's node: its kind, the subnet it runs on (id text, or null), and its facts. */
    record ServiceNode(NodeKind kind, String subnet, List<Fact> facts) {
    }

    private final Lookup lookup;
    private final NodeFacts facts;

    ServiceNodes(Lookup lookup, NodeFacts facts) {
        this.lookup = lookup;
        this.facts = facts;
    }

    /** The node {@code r} is, when it is a service's compute on a subnet of yours. */
    Optional<ServiceNode> of(Resource r) {
        if (r.isType(DATABRICKS)) {
            return databricks(r);
        }
        if (r.isType(CONTAINER_APPS)) {
            return containerApps(r);
        }
        if (r.isType(CONTAINER_GROUP)) {
            return onSubnet(r, NodeKind.CONTAINER_GROUP, "properties.subnetIds", true, List.of());
        }
        if (r.isType(BATCH_POOL)) {
            return batch(r);
        }
        if (r.isType(SITE)) {
            return site(r);
        }
        return Optional.empty();
    }

    private Optional<ServiceNode> databricks(Resource r) {
        Lookup.At vnet = Lookup.at(r, "properties.parameters.customVirtualNetworkId.value");
        if (vnet.isAbsent()) {
            return Optional.empty(); // a workspace in the network Databricks manages: no subnet of yours
        }
        Lookup.At subnetName = Lookup.at(r, "properties.parameters.customPublicSubnetName.value");
        Value subnetId = join(vnet.value(), "/subnets/", subnetName.value());
        SubnetFacts.Facts subnet = facts.subnetOf(r, subnetId, subnetName.pointer());
        Fact instanceIp = databricksPublicIp(r);
        Lookup.At lb = Lookup.at(r, "properties.parameters.loadBalancerId.value");
        Lookup.At pool = Lookup.at(r, "properties.parameters.loadBalancerBackendPoolName.value");
        Fact loadBalancer = lb.isAbsent() ? Fact.absent(lb.pointer())
                : facts.pool(join(lb.value(), "/backendAddressPools/", pool.value()), lb.pointer(),
                "the workspace's egress load balancer pool");
        return Optional.of(new ServiceNode(NodeKind.DATABRICKS_WORKSPACE, text(subnetId),
                List.of(subnet.route(), subnet.nat(), instanceIp, loadBalancer, subnet.fallback())));
    }

    private Fact databricksPublicIp(Resource r) {
        Lookup.At flag = Lookup.at(r, "properties.parameters.enableNoPublicIp.value");
        String named = lookup.named(r);
        if (flag.value() instanceof Value.Unknown u) {
            return new Fact.Undecided(EgressPath.INSTANCE_PUBLIC_IP, Lookup.unknownAt(flag.pointer(), u), flag.pointer());
        }
        boolean noPublicIp = flag.value() instanceof Value.Bool b ? b.value()
                : r.apiVersion() != null && r.apiVersion().compareTo(DATABRICKS_NO_PUBLIC_IP_FROM) >= 0;
        if (noPublicIp) {
            return Fact.absent(flag.pointer());
        }
        return new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, null,
                PublicIps.created(1, "Databricks gives every cluster VM a public IP of its own at deployment").ips(), null,
                named + " runs its cluster VMs without secure cluster connectivity (enableNoPublicIp "
                        + (flag.isAbsent() ? "not written, false before API version " + DATABRICKS_NO_PUBLIC_IP_FROM : "false")
                        + "): every VM has a public IP of its own", flag.pointer());
    }

    private Optional<ServiceNode> containerApps(Resource r) {
        Lookup.At profiles = Lookup.at(r, "properties.workloadProfiles");
        List<Fact> first = new ArrayList<>();
        if (profiles.value() instanceof Value.Unknown u) {
            first.add(new Fact.Undecided(EgressPath.SERVICE_MANAGED, Lookup.unknownAt(profiles.pointer(), u), profiles.pointer()));
        } else if (!(profiles.value() instanceof Value.Arr a) || a.size() == 0) {
            first.add(new Fact.Taken(EgressPath.SERVICE_MANAGED, null, lookup.named(r)
                    + " is a consumption-only environment, which supports no egress through a NAT gateway or user-defined"
                    + " routes: it leaves through addresses the service manages", profiles.pointer()));
        }
        return onSubnet(r, NodeKind.CONTAINER_APPS_ENVIRONMENT, "properties.vnetConfiguration.infrastructureSubnetId", false,
                first);
    }

    private Optional<ServiceNode> batch(Resource r) {
        Lookup.At subnetId = Lookup.at(r, "properties.networkConfiguration.subnetId");
        if (subnetId.isAbsent()) {
            return Optional.empty();
        }
        SubnetFacts.Facts subnet = facts.subnetOf(r, subnetId.value(), subnetId.pointer());
        Lookup.At provision = Lookup.at(r, "properties.networkConfiguration.publicIPAddressConfiguration.provision");
        Fact instanceIp;
        if (provision.value() instanceof Value.Unknown u) {
            instanceIp = new Fact.Undecided(EgressPath.INSTANCE_PUBLIC_IP, Lookup.unknownAt(provision.pointer(), u),
                    provision.pointer());
        } else {
            String mode = provision.value() instanceof Value.Str s ? s.value() : "BatchManaged";
            if (mode.equalsIgnoreCase("NoPublicIPAddresses")) {
                instanceIp = Fact.absent(provision.pointer());
            } else {
                PublicIps.Resolved ips = mode.equalsIgnoreCase("UserManaged")
                        ? facts.publicIps().list(Lookup.at(r,
                        "properties.networkConfiguration.publicIPAddressConfiguration.ipAddressIds"), "the pool's public IPs")
                        : PublicIps.created(1, "Batch creates the nodes' public IPs at deployment");
                instanceIp = new Fact.Taken(EgressPath.INSTANCE_PUBLIC_IP, null, ips.ips(), ips.unknown(), lookup.named(r)
                        + " gives every node a public IP (publicIPAddressConfiguration.provision " + mode
                        + (provision.isAbsent() ? ", the default" : "") + ")", provision.pointer());
            }
        }
        return Optional.of(new ServiceNode(NodeKind.BATCH_POOL, text(subnetId.value()),
                List.of(subnet.route(), subnet.nat(), instanceIp, Fact.absent(""), subnet.fallback())));
    }

    private Optional<ServiceNode> site(Resource r) {
        Lookup.At subnetId = Lookup.at(r, "properties.virtualNetworkSubnetId");
        if (subnetId.isAbsent()) {
            for (Resource config : lookup.children(r, SITE_NETWORK_CONFIG)) {
                Lookup.At id = Lookup.at(config, "properties.subnetResourceId");
                if (!id.isAbsent()) {
                    // The child's pointer is not in the site's body: findings rest on the site.
                    subnetId = new Lookup.At(id.value(), "");
                }
            }
        }
        if (subnetId.isAbsent()) {
            return Optional.empty();
        }
        List<Fact> first = new ArrayList<>();
        Fact routeAll = routeAll(r);
        if (!(routeAll instanceof Fact.Absent)) {
            first.add(routeAll);
        }
        return onSubnet(r, NodeKind.APP_SERVICE, subnetId, first);
    }

    /**
     * Whether internet traffic of an app bypasses its integration subnet: taken when no route-all
     * setting is on, undecided when one is unknown, absent when one is on.
     */
    private Fact routeAll(Resource r) {
        String undecided = null;
        String pointer = "";
        for (String path : List.of("properties.vnetRouteAllEnabled", "properties.siteConfig.vnetRouteAllEnabled",
                "properties.outboundVnetRouting.allTraffic", "properties.outboundVnetRouting.applicationTraffic")) {
            Lookup.At at = Lookup.at(r, path);
            if (at.value() instanceof Value.Bool b && b.value()) {
                return Fact.absent(at.pointer());
            }
            if (at.value() instanceof Value.Unknown u && undecided == null) {
                undecided = Lookup.unknownAt(at.pointer(), u);
                pointer = at.pointer();
            }
        }
        if (undecided != null) {
            return new Fact.Undecided(EgressPath.SERVICE_MANAGED, undecided, pointer);
        }
        return new Fact.Taken(EgressPath.SERVICE_MANAGED, null, lookup.named(r)
                + " does not route all traffic into its integration subnet (vnetRouteAllEnabled or"
                + " outboundVnetRouting.allTraffic is not true): its internet traffic leaves through the app's own shared"
                + " outbound addresses, and the subnet's NAT gateway does not apply", "/properties/vnetRouteAllEnabled");
    }

    private Optional<ServiceNode> onSubnet(Resource r, NodeKind kind, String path, boolean list, List<Fact> first) {
        Lookup.At at = Lookup.at(r, path);
        if (list) {
            if (at.value() instanceof Value.Arr a && a.size() > 0) {
                at = Lookup.at(a.get(0), at.pointer() + "/0", "id");
            } else if (!(at.value() instanceof Value.Unknown)) {
                return Optional.empty();
            }
        }
        return at.isAbsent() ? Optional.empty() : onSubnet(r, kind, at, first);
    }

    private Optional<ServiceNode> onSubnet(Resource r, NodeKind kind, Lookup.At subnetId, List<Fact> first) {
        SubnetFacts.Facts subnet = facts.subnetOf(r, subnetId.value(), subnetId.pointer());
        List<Fact> all = new ArrayList<>(first);
        all.addAll(List.of(subnet.route(), subnet.nat(), subnet.fallback()));
        return Optional.of(new ServiceNode(kind, text(subnetId.value()), all));
    }

    /** {@code a + middle + b} as an id text: a symbolic value stays symbolic by its rendered text. */
    private static Value join(Value a, String middle, Value b) {
        String left = text(a);
        String right = text(b);
        if (left == null || right == null) {
            Value unknown = a instanceof Value.Unknown ? a : b instanceof Value.Unknown ? b : null;
            return unknown != null ? unknown : Value.Null.INSTANCE;
        }
        return Value.of(left + middle + right);
    }

    private static String text(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        return v instanceof Value.Unknown u && u.symbol() != null ? u.symbol().render() : null;
    }

    /** The node kind of a service type ({@link #isServiceType}). */
    static NodeKind kindOf(String type) {
        if (Lookup.equalsIgnoringCase(type, LOWER_DATABRICKS)) {
            return NodeKind.DATABRICKS_WORKSPACE;
        }
        if (Lookup.equalsIgnoringCase(type, LOWER_CONTAINER_APPS)) {
            return NodeKind.CONTAINER_APPS_ENVIRONMENT;
        }
        if (Lookup.equalsIgnoringCase(type, LOWER_CONTAINER_GROUP)) {
            return NodeKind.CONTAINER_GROUP;
        }
        if (Lookup.equalsIgnoringCase(type, LOWER_BATCH_POOL)) {
            return NodeKind.BATCH_POOL;
        }
        return NodeKind.APP_SERVICE;
    }

    /** Asked of every resource of the graph: compared without lower-casing each type again. */
    static boolean isServiceType(String type) {
        for (int i = 0; i < LOWER_SERVICE_TYPES.size(); i++) {
            if (Lookup.equalsIgnoringCase(type, LOWER_SERVICE_TYPES.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static final String LOWER_DATABRICKS = DATABRICKS.toLowerCase(Locale.ROOT);
    private static final String LOWER_CONTAINER_APPS = CONTAINER_APPS.toLowerCase(Locale.ROOT);
    private static final String LOWER_CONTAINER_GROUP = CONTAINER_GROUP.toLowerCase(Locale.ROOT);
    private static final String LOWER_BATCH_POOL = BATCH_POOL.toLowerCase(Locale.ROOT);
    private static final List<String> LOWER_SERVICE_TYPES = List.of(LOWER_DATABRICKS, LOWER_CONTAINER_APPS,
            LOWER_CONTAINER_GROUP, LOWER_BATCH_POOL, SITE.toLowerCase(Locale.ROOT));
}
