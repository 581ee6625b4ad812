/**
 * Runs a rule set over a resource graph: verdicts become findings and evaluations with their messages.
 *
 * <p>May use: {@code rule}, {@code rule.condition}, {@code finding} and the layers below. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.engine;
