/**
 * The facade and embedding API: {@link dev.egressguard.core.EgressGuard} (built from {@link dev.egressguard.core.Settings}), the run behind it and the rule-test entry point.
 *
 * <p>May use: every core package; nothing in core uses this package (the shells cli and maven-plugin, and the azure module, sit above it). Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core;
