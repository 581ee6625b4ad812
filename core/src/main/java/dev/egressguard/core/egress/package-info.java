/**
 * The egress model: for every node of a resource graph (a VM's NIC ipConfiguration, a scale set's
 * ipConfiguration, an AKS node pool) the path its internet traffic takes, by Azure's documented
 * precedence, the public IPs it leaves from, and the lower paths that exist but are bypassed. The
 * built-in rules read it through the rule language's {@code egress} view and the egress map shows
 * it, so a verdict and the map can never disagree.
 *
 * <p>Uses {@code model}, {@code value} and {@code source} only.
 */
package dev.egressguard.core.egress;
