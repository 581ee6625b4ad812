package dev.egressguard.core.egress;

import java.util.List;
import java.util.Objects;

/**
 * Where a node's (or a subnet's) traffic leaves: the path, what it goes through, the public IPs
 * and why, in a sentence a person reads.
 *
 * @param path              the path taken; {@link EgressPath#UNKNOWN} when a deciding fact is unknown
 * @param via               the id of the route table, NAT gateway, backend pool, public IP or
 *                          cluster the path goes through; null for default outbound access and none
 * @param publicIps         the addresses it leaves from (empty for firewall, default outbound and none)
 * @param publicIpsUnknown  null when {@code publicIps} is the whole list; else why it is not known
 *                          (the NAT gateway is not among the evaluated resources)
 * @param reason            why this path, for people ("subnet 'nodes' has NAT gateway 'nat', which
 *                          takes precedence over ...")
 * @param possible          the paths still possible: the path alone when known, more when UNKNOWN
 */
public record Egress(EgressPath path, String via, List<PublicIp> publicIps, String publicIpsUnknown, String reason,
                     List<EgressPath> possible) {

    public Egress {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        publicIps = List.copyOf(publicIps);
        possible = List.copyOf(possible);
    }

    public boolean isKnown() {
        return path != EgressPath.UNKNOWN;
    }
}
