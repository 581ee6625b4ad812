/**
 * The results of rules, shared by rules, the engine, reports and rule tests: {@code Finding}, {@code Evaluation}, {@code Outcome}, {@code Severity}, {@code RuleDescriptor}.
 *
 * <p>May use: {@code source} and the layers below it. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.finding;
