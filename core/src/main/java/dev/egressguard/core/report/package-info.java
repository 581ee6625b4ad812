/**
 * The report of a run and its reporters (console, JSON, SARIF, JUnit, Markdown), fail policy and paths as shown.
 *
 * <p>May use: {@code report.suppression} and {@code report.map} are above it inside the layer; {@code egress} (the egress map), {@code finding}, {@code model} (resource ids and words), {@code value}, {@code source}; never the rules, the engine, templates or expressions. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.report;
