package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.report.EgressMapTable;
import dev.egressguard.core.report.SafeText;

/**
 * The egress map as Markdown for a pull request, a wiki or {@code $GITHUB_STEP_SUMMARY}: a heading,
 * the summary sentence, a table per cluster or vnet ({@link EgressMapTable}, the same as in the
 * verify summary), one Mermaid flowchart ({@link MapMermaid}), and with a previous map a "Changes
 * since" section. Every text from a template or a subscription is escaped in tables and encoded
 * in the diagram.
 */
public final class MapMarkdown {

    /** Rows of the tables: the map of a large estate is still a page, not a megabyte. */
    static final int MAX_ROWS = 500;

    private MapMarkdown() {
    }

    /** {@code diff} may be null. */
    public static String render(EgressMap map, MapDiff diff) {
        StringBuilder md = new StringBuilder("## Egress map\n\n");
        md.append(escape(MapSummary.sentence(map))).append(".\n\n");
        if (!map.nodes().isEmpty()) {
            md.append(EgressMapTable.markdown(map, "###", MAX_ROWS));
            md.append("```mermaid\n").append(MapMermaid.flowchart(map)).append("```\n");
        }
        if (diff != null) {
            md.append('\n').append(changes(diff));
        }
        return md.toString();
    }

    /** The "Changes since" section: egress IPs that appear and go, nodes whose way out changes. */
    static String changes(MapDiff diff) {
        StringBuilder md = new StringBuilder("### Changes since ").append(escape(diff.since())).append("\n\n");
        if (diff.isEmpty()) {
            return md.append("No changes.\n").toString();
        }
        if (!diff.appeared().isEmpty() || !diff.disappeared().isEmpty()) {
            md.append("| Change | Egress IP | Group | Node |\n|---|---|---|---|\n");
            diff.appeared().forEach(c -> ipRow(md, "added", c));
            diff.disappeared().forEach(c -> ipRow(md, "removed", c));
            md.append('\n');
        }
        if (!diff.changed().isEmpty()) {
            md.append("| Node | Group | Will change |\n|---|---|---|\n");
            diff.changed().forEach(c -> md.append("| ").append(escape(c.name() == null ? c.id() : c.name()))
                    .append(" | ").append(escape(EgressMapTable.groupName(c.group())))
                    .append(" | ").append(escape(c.describe())).append(" |\n"));
        }
        return md.toString();
    }

    private static void ipRow(StringBuilder md, String change, MapDiff.IpChange c) {
        String ip = c.cidr() != null ? c.cidr()
                : (c.ip().id() == null ? "" : EgressMapTable.shortName(c.ip().id()) + ": ")
                + (change.equals("added") ? EgressMapTable.ASSIGNED_AT_DEPLOYMENT : "address not known");
        md.append("| ").append(change).append(" | ").append(escape(ip)).append(" | ")
                .append(escape(EgressMapTable.groupName(c.group()))).append(" | ").append(escape(c.node())).append(" |\n");
    }

    /** Text for Markdown: the summary's escaping (one line, punctuation and HTML neutralised). */
    private static String escape(String s) {
        return EgressMapTable.cell(s == null ? "" : SafeText.wellFormed(s));
    }
}
