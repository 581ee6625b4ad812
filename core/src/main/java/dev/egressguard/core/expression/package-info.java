/**
 * The ARM template expression language: what a JSON string such as
 * {@code "[concat(parameters('prefix'), '-nat')]"} means.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.egressguard.core.expression.Expressions#evaluateJsonString} — the value of a
 *       template string: the literal for plain text ({@code [[} unescaped), else the evaluated
 *       expression. Errors are {@link dev.egressguard.core.value.ExpressionException}s whose
 *       offset counts from the string's opening {@code [}.</li>
 *   <li>{@link dev.egressguard.core.expression.Expressions#parse} /
 *       {@link dev.egressguard.core.expression.Expressions#parseJsonString} — the sealed syntax tree
 *       ({@link dev.egressguard.core.expression.Expr}), cached per string.</li>
 *   <li>{@link dev.egressguard.core.value.JsonText} — values to and from JSON text.</li>
 * </ul>
 * What an expression sees of its template comes through
 * {@link dev.egressguard.core.expression.Scope}, which the template evaluator implements.
 *
 * <h2>Unknown</h2>
 * What only a deployment knows is a {@link dev.egressguard.core.value.Value.Unknown}. A
 * function given an Unknown returns it, reason and place unchanged, unless the Unknown cannot
 * change the result: the branch {@code if} does not take, {@code and(false, ?)},
 * {@code or(true, ?)}, {@code coalesce} after a known non-null, the length of a known array
 * with Unknown elements, a property beside an Unknown one. Reading a member of an Unknown whose
 * reason is {@code "depends on X"}, X being the text of the expression that produced it, names
 * the member too: {@code "depends on reference('vnet').outputs.subnetId"}.
 *
 * <h2>What is evaluated</h2>
 * Only what Azure evaluates: {@code if} its taken branch, {@code and}/{@code or}/{@code coalesce}
 * their arguments up to the one that decides them
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical), so
 * {@code and(contains(o, 'x'), o.x)} is no error. Past an Unknown, an argument that fails makes the
 * result that Unknown, not an error: Azure evaluates it only if the Unknown lets it.
 *
 * <h2>Guards</h2>
 * Nesting deeper than {@link dev.egressguard.core.expression.ExpressionParser#MAX_DEPTH} (parse)
 * or {@link dev.egressguard.core.expression.Evaluator#MAX_DEPTH} (evaluation across variables),
 * and strings longer than {@link dev.egressguard.core.expression.Evaluator#MAX_STRING_LENGTH}
 * are ExpressionExceptions, not stack or memory exhaustion.
 *
 * <p>May use: {@code value}, {@code source}; never {@code expression.functions}, which holds the function families and their standard library above this package (a scope supplies the library). Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;
