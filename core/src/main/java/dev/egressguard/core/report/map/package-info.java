/**
 * The egress map's renderings for {@code egress map} and the Maven goal that shows it: console,
 * JSON (a public interface, docs/egress-map.md and docs/egress-map.schema.json), Markdown with a
 * Mermaid flowchart, and the allowlist a third party must apply; and, given the map of an earlier
 * run ({@link dev.egressguard.core.report.map.PreviousMap}), what changes. The shells call only
 * {@link dev.egressguard.core.report.map.MapWriter#render} and
 * {@link dev.egressguard.core.report.map.PreviousMap#read}.
 *
 * <p>May use: {@code report} (SafeText, ColorMode, the shared table), {@code egress}, {@code model},
 * {@code value}, {@code source}; never the rules, the engine, templates or expressions. Checked by
 * {@code ArchitectureTest}.
 */
package dev.egressguard.core.report.map;
