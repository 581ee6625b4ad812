package dev.egressguard.core.egress;

/**
 * A public address a node leaves from: a public IP resource ({@code address} when known) or a
 * public IP prefix ({@code prefix}, a CIDR, when known). What a template cannot fix (Azure assigns
 * the address at deployment) is null, and {@code reason} says why.
 *
 * @param id      the public IP's or prefix's resource id; null when Azure creates it unnamed
 *                (a scale set's per-instance IPs, AKS managed outbound IPs)
 * @param address the IPv4 or IPv6 address, or null
 * @param prefix  the CIDR of a prefix, or null
 * @param reason  why address and prefix are null, or null when one of them is known
 */
public record PublicIp(String id, String address, String prefix, String reason) {

    /** The CIDR a third party must allow for it ({@code 20.1.2.3/32}), or null when not known yet. */
    public String cidr() {
        if (prefix != null) {
            return prefix;
        }
        if (address != null) {
            return address + (address.contains(":") ? "/128" : "/32");
        }
        return null;
    }
}
