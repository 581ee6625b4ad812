/**
 * The report of a run and its reporters (console, JSON, SARIF, JUnit, Markdown), fail policy and paths as shown.
 *
 * <p>May use: {@code report.suppression} is above it inside the layer; {@code finding} first of all, then {@code model}, {@code rule.condition} (resource words) and below; never the engine. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.report;
