/**
 * The value model: the sealed {@link dev.egressguard.core.value.Value} with {@code Unknown}, symbols of deployment-decided values, JSON text reading and writing and its limits, and the exception for values and expressions Azure would refuse.
 *
 * <p>May use: {@code source} (and Jackson core for JSON text); never the expression language. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.value;
