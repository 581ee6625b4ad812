package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.report.EgressMapTable;
import dev.egressguard.core.report.SafeText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The egress map for a terminal or a build log: per cluster or vnet a compact table, then the
 * summary sentence, then with a previous map the changes.
 * <pre>
 * vnet build-vnet
 *   NODE          KIND      PATH        VIA        EGRESS IPS              BYPASSED
 *   build-agents  scaleSet  natGateway  build-nat  assigned at deployment  -
 *
 * Egress map: 1 node (1 natGateway); 1 egress IP, 1 not known yet
 * </pre>
 * Every cell is one line of safe text ({@link SafeText}: no control character reaches the
 * terminal, no CI log command can start), cut to {@link #MAX_CELL} characters so that one long
 * name cannot push the columns off the screen. Colours (the path: green for a NAT gateway, red for
 * an instance IP or a load balancer, ...) only when asked, as the console report decides them.
 */
public final class MapConsole {

    static final int MAX_CELL = 60;

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String MAGENTA = "\u001b[35m";

    private final boolean color;

    private MapConsole(boolean color) {
        this.color = color;
    }

    /** The lines, newline-terminated; {@code diff} may be null. */
    public static String render(EgressMap map, MapDiff diff, boolean color) {
        StringBuilder out = new StringBuilder();
        lines(map, diff, color).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** The lines without terminators, for a build log that takes one line at a time. */
    public static List<String> lines(EgressMap map, MapDiff diff, boolean color) {
        return new MapConsole(color).lines(map, diff);
    }

    private List<String> lines(EgressMap map, MapDiff diff) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<EgressNode>> group : map.byGroup().entrySet()) {
            lines.add(paint(BOLD, cell(EgressMapTable.groupName(group.getKey()))));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NODE", "KIND", "PATH", "VIA", "EGRESS IPS", "BYPASSED"});
            for (EgressNode n : group.getValue()) {
                rows.add(new String[] {cell(n.name() == null ? EgressMapTable.shortName(n.id()) : n.name()),
                        n.kind().jsonName(), n.egress().path().jsonName(), cell(EgressMapTable.via(n.egress().via())),
                        cell(EgressMapTable.egressIps(n.egress())), cell(EgressMapTable.bypassed(n.bypassed()))});
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder line = new StringBuilder("  ");
                String[] row = rows.get(r);
                for (int i = 0; i < row.length; i++) {
                    // Padded before it is painted: escape codes take no columns.
                    String padded = i == row.length - 1 ? row[i] : pad(row[i], widths[i]) + "  ";
                    line.append(r == 0 ? paint(BOLD, padded) : i == 2 ? paint(colorOf(group.getValue().get(r - 1)
                            .egress().path()), padded) : padded);
                }
                lines.add(line.toString().stripTrailing());
            }
            lines.add("");
        }
        lines.add(paint(BOLD, "Egress map:") + " " + SafeText.forTerminal(MapSummary.sentence(map)));
        if (diff != null) {
            lines.addAll(changes(diff));
        }
        return lines;
    }

    private List<String> changes(MapDiff diff) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (diff.isEmpty()) {
            lines.add("No changes since " + cell(diff.since()) + ".");
            return lines;
        }
        lines.add(paint(BOLD, "Changes since " + cell(diff.since()) + ":"));
        for (MapDiff.IpChange c : diff.appeared()) {
            lines.add("  " + paint(GREEN, "+ " + cell(c.cidr() == null ? ipName(c) + EgressMapTable.ASSIGNED_AT_DEPLOYMENT
                    : c.cidr())) + "  " + where(c));
        }
        for (MapDiff.IpChange c : diff.disappeared()) {
            lines.add("  " + paint(RED, "- " + cell(c.cidr() == null ? ipName(c) + "address not known" : c.cidr()))
                    + "  " + where(c));
        }
        for (MapDiff.NodeChange c : diff.changed()) {
            lines.add("  " + paint(YELLOW, "~") + " " + cell(c.name() == null ? c.id() : c.name()) + " ("
                    + cell(EgressMapTable.groupName(c.group())) + "): " + cell(c.describe()));
        }
        return lines;
    }

    private static String ipName(MapDiff.IpChange c) {
        return c.ip().id() == null ? "" : EgressMapTable.shortName(c.ip().id()) + ": ";
    }

    private static String where(MapDiff.IpChange c) {
        return "(" + cell(EgressMapTable.groupName(c.group())) + ", " + cell(c.node()) + ")";
    }

    private static String colorOf(EgressPath path) {
        return switch (path) {
            case NAT_GATEWAY -> GREEN;
            case FIREWALL -> CYAN;
            case INSTANCE_PUBLIC_IP, LOAD_BALANCER -> RED;
            case DEFAULT_OUTBOUND, SERVICE_MANAGED -> YELLOW;
            case UNKNOWN -> MAGENTA;
            case NONE -> null;
        };
    }

    private String paint(String code, String text) {
        return color && code != null ? code + text + RESET : text;
    }

    /** One line of safe text, at most {@link #MAX_CELL} characters. */
    static String cell(String text) {
        String s = SafeText.forTerminal(text == null ? "" : text.strip());
        if (s.length() <= MAX_CELL) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_CELL - 2)) ? MAX_CELL - 2 : MAX_CELL - 1;
        return s.substring(0, end) + "…";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
