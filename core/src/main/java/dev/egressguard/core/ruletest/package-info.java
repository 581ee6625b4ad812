/**
 * The rule-test runner: a rule directory's test cases, their expected findings and the result; a client of the engine.
 *
 * <p>May use: {@code engine}, {@code rule}, {@code finding}, {@code template}, {@code model} and below. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.ruletest;
