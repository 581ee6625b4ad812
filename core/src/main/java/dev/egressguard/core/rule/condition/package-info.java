/**
 * The condition tree of a rule and its three-valued evaluation over a resource graph: field paths, graph steps, operators, verdicts;
 * and the parsers that build it from YAML ({@code ConditionParser}, {@code OperatorParser}, with {@code Nodes}, the YAML node reader
 * with diagnostics) and the finding-message templates ({@code MessageTemplate}).
 *
 * <p>Only this package constructs condition nodes: the node records ({@code FieldCondition}, {@code CountCondition}, {@code RefStep},
 * {@code Operator}, {@code FieldPath}, …) are package-private. Public are what the rule language, the engine and the rule-test
 * runner use: {@code Condition}, {@code Verdict}, {@code Truth}, {@code EvalContext}, {@code RegexBudget}, {@code TypePattern},
 * {@code MessageValues}, {@code MessageTemplate}, {@code ConditionParser}, {@code Nodes}.
 *
 * <p>May use: {@code finding}, {@code model}, {@code expression}, {@code value}, {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.rule.condition;
