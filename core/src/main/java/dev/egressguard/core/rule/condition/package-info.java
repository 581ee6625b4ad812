/**
 * The condition tree of a rule and its three-valued evaluation over a resource graph: field paths, graph steps, operators, verdicts.
 *
 * <p>May use: {@code finding}, {@code model}, {@code expression}, {@code value}, {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.rule.condition;
