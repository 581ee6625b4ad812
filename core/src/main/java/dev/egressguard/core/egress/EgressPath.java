package dev.egressguard.core.egress;

import java.util.Locale;
import java.util.Optional;

/**
 * The ways a node's traffic can leave for the internet, highest precedence first (the order in
 * which {@link Precedence} tries them), with the name reports, the map and rules use.
 *
 * <p>Sources: "NAT gateway takes precedence over other outbound scenarios (including Load balancer
 * and instance-level public IP addresses)" and a user-defined route for 0.0.0.0/0 to a virtual
 * appliance or a virtual network gateway takes precedence over the NAT gateway
 * (learn.microsoft.com/azure/nat-gateway/nat-overview); "outbound rules are followed only if the
 * backend VM doesn't have an instance-level public IP address"
 * (learn.microsoft.com/azure/load-balancer/outbound-rules); default outbound access only when
 * nothing explicit exists and the subnet is not private
 * (learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
 */
public enum EgressPath {
    /** A route for 0.0.0.0/0 to a virtual appliance or a virtual network gateway (forced tunnelling). */
    FIREWALL("firewall"),
    /** The subnet's NAT gateway. */
    NAT_GATEWAY("natGateway"),
    /** The node's own public IP. */
    INSTANCE_PUBLIC_IP("instancePublicIp"),
    /** Outbound SNAT of a public load balancer whose backend pool the node is in. */
    LOAD_BALANCER("loadBalancer"),
    /**
     * The service's own outbound addresses, not the subnet's: an App Service app whose
     * integration does not route all traffic, a consumption-only Container Apps environment.
     */
    SERVICE_MANAGED("serviceManaged"),
    /** Azure's default outbound access: an address Azure picks. */
    DEFAULT_OUTBOUND("defaultOutbound"),
    /** No way out: a private subnet without explicit egress, a route that drops, AKS {@code block}. */
    NONE("none"),
    /** A fact that decides the path is known only to the deployment. */
    UNKNOWN("unknown");

    private final String jsonName;

    EgressPath(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in reports, the map's JSON and the rule language ({@code natGateway}). */
    public String jsonName() {
        return jsonName;
    }

    /** The path of a {@link #jsonName}, in any casing. */
    public static Optional<EgressPath> ofJsonName(String name) {
        for (EgressPath p : values()) {
            if (p.jsonName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
