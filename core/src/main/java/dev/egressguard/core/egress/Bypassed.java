package dev.egressguard.core.egress;

/**
 * A lower-precedence path that exists but is not taken (a NAT gateway behind a route to a
 * firewall, a load balancer's SNAT behind a NAT gateway): it becomes the path when the one above
 * goes, which is what a change review must see.
 *
 * @param via the id of the route table, NAT gateway, backend pool or public IP, or null
 */
public record Bypassed(EgressPath path, String via) {
}
