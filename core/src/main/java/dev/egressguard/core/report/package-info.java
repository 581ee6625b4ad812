/**
 * The report of a run and its reporters (console, JSON, SARIF, JUnit, Markdown), fail policy and paths as shown.
 *
 * <p>May use: {@code report.suppression} is above it inside the layer; {@code finding}, {@code model} (resource ids and words), {@code value}, {@code source}; never the rules, the engine, templates or expressions. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.report;
