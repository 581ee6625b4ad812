/**
 * The YAML rule language: rule files, the rule set and its loader (the condition and operator parsers are in {@code rule.condition}).
 *
 * <p>May use: {@code rule.condition}, {@code finding}, {@code model}, {@code expression} (reading symbols back), {@code value}, {@code source}; never the engine. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.rule;
