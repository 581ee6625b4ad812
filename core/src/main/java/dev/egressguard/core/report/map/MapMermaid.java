package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.report.EgressMapTable;
import dev.egressguard.core.report.SafeText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The egress map as a Mermaid flowchart, left to right: nodes (in a subgraph per cluster or vnet)
 * to their subnet, the subnet (NAT gateway, firewall route, default outbound) or the node (its own
 * public IP, its load balancer) to what the traffic leaves through, with the path on the edge, and
 * that to the internet with the addresses on the edge.
 *
 * <p>It keeps to a small part of Mermaid's flowchart syntax, the part that GitHub and Azure
 * DevOps (whose Mermaid is older) both render, and that the tests check with their
 * {@code MermaidSubset} (docs/egress-map.md): a {@code flowchart LR} header, {@code id["label"]}
 * nodes, {@code subgraph id ["label"]} ... {@code end}, {@code a --> b} and
 * {@code a -->|"label"| b} edges. Ids are generated ({@code n1}, {@code s1}, {@code e1}, {@code g1},
 * {@code inet}); nothing from a template or a subscription is ever an id. Labels are one line,
 * at most {@link #MAX_LABEL} characters, and every character that means something to Mermaid,
 * Markdown or HTML is written as a Mermaid entity code ({@code #quot;}, {@code #35;}).
 */
final class MapMermaid {

    static final int MAX_LABEL = 80;

    private MapMermaid() {
    }

    static String flowchart(EgressMap map) {
        Ids subnets = new Ids("s");
        Ids exits = new Ids("e");
        Map<String, String> exitLabels = new LinkedHashMap<>();
        Set<String> edges = new LinkedHashSet<>();
        Set<String> toInternet = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder("flowchart LR\n");
        int node = 0;
        int group = 0;
        for (Map.Entry<String, List<EgressNode>> g : map.byGroup().entrySet()) {
            out.append("  subgraph g").append(++group).append(" [").append(label(EgressMapTable.groupName(g.getKey())))
                    .append("]\n");
            List<String> subnetLines = new ArrayList<>();
            for (EgressNode n : g.getValue()) {
                String id = "n" + (++node);
                out.append("    ").append(id).append('[').append(label((n.name() == null ? EgressMapTable.shortName(n.id())
                        : n.name()) + " (" + n.kind().jsonName() + ")")).append("]\n");
                String exitKey = exitKey(n);
                String exit = exits.of(exitKey);
                exitLabels.putIfAbsent(exit, exitLabel(n));
                String from = id;
                if (n.subnet() != null) {
                    String key = n.subnet().toLowerCase(Locale.ROOT);
                    boolean fresh = !subnets.has(key);
                    String s = subnets.of(key);
                    if (fresh) {
                        // Declared once, in the first group that uses it: a node declared in two
                        // subgraphs would move to the last.
                        subnetLines.add("    " + s + "[" + label("subnet " + EgressMapTable.shortName(n.subnet())) + "]\n");
                    }
                    edges.add("  " + id + " --> " + s + "\n");
                    if (isSubnetWide(n.egress().path())) {
                        from = s;
                    }
                }
                edges.add("  " + from + " -->|" + label(n.egress().path().jsonName()) + "| " + exit + "\n");
                if (reachesInternet(n.egress().path())) {
                    toInternet.add("  " + exit + " -->|" + label(EgressMapTable.egressIps(n.egress())) + "| inet\n");
                }
            }
            subnetLines.forEach(out::append);
            out.append("  end\n");
        }
        exitLabels.forEach((id, text) -> out.append("  ").append(id).append('[').append(label(text)).append("]\n"));
        if (!toInternet.isEmpty()) {
            out.append("  inet[").append(label("internet")).append("]\n");
        }
        edges.forEach(out::append);
        // One edge per exit: the first node's words for its addresses (nodes of one exit share them).
        Set<String> exitsDone = new LinkedHashSet<>();
        for (String e : toInternet) {
            if (exitsDone.add(e.substring(0, e.indexOf(" -->")))) {
                out.append(e);
            }
        }
        return out.toString();
    }

    /**
     * A NAT gateway, a firewall route, default outbound access and no way out belong to the
     * subnet: its edge starts there. An own public IP, a backend pool or a cluster's load balancer
     * belong to the node, which may share its subnet with nodes that leave otherwise.
     */
    private static boolean isSubnetWide(EgressPath p) {
        return p == EgressPath.NAT_GATEWAY || p == EgressPath.FIREWALL || p == EgressPath.DEFAULT_OUTBOUND
                || p == EgressPath.NONE;
    }

    private static boolean reachesInternet(EgressPath p) {
        return p != EgressPath.NONE && p != EgressPath.UNKNOWN;
    }

    /** Nodes that leave the same way share one box: by path and via (and the paths still possible). */
    private static String exitKey(EgressNode n) {
        return n.egress().path().jsonName() + "|" + (n.egress().via() == null ? "" : n.egress().via().toLowerCase(Locale.ROOT))
                + (n.egress().isKnown() ? "" : "|" + n.egress().possible());
    }

    private static String exitLabel(EgressNode n) {
        String via = n.egress().via() == null ? "" : " " + EgressMapTable.shortName(n.egress().via());
        return switch (n.egress().path()) {
            case FIREWALL -> "firewall (route" + via + ")";
            case NAT_GATEWAY -> "NAT gateway" + via;
            case INSTANCE_PUBLIC_IP -> "public IP" + via;
            case LOAD_BALANCER -> "load balancer" + via;
            case SERVICE_MANAGED -> "the service's own outbound addresses";
            case DEFAULT_OUTBOUND -> "default outbound access";
            case NONE -> "no internet access";
            case UNKNOWN -> "unknown: " + String.join(" or ", n.egress().possible().stream().map(EgressPath::jsonName).toList());
        };
    }

    /**
     * {@code "text"} for a node, subgraph or edge label: one line of safe text (control and bidi
     * characters visible, see {@link SafeText}), cut to {@link #MAX_LABEL}, and every character
     * other than letters, digits, space and {@code -_./:,'=+@!?*~$^} as an entity code.
     */
    static String label(String text) {
        String line = SafeText.forTerminal(text.replaceAll("\\s*\\R\\s*", " ").strip());
        if (line.length() > MAX_LABEL) {
            int end = Character.isHighSurrogate(line.charAt(MAX_LABEL - 2)) ? MAX_LABEL - 2 : MAX_LABEL - 1;
            line = line.substring(0, end) + "…";
        }
        StringBuilder sb = new StringBuilder(line.length() + 8).append('"');
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                sb.append("#quot;");
            } else if (Character.isLetterOrDigit(c) && c < 0x80 || c == ' ' || "-_./:,'=+@!?*~$^".indexOf(c) >= 0
                    || c >= 0xA0 && !Character.isISOControl(c) && !Character.isWhitespace(c) && c != 0xFEFF) {
                sb.append(c);
            } else {
                sb.append('#').append((int) c).append(';');
            }
        }
        return sb.append('"').toString();
    }

    /** Generated ids, one per key, in order of first use. */
    private static final class Ids {
        private final String prefix;
        private final Map<String, String> ids = new LinkedHashMap<>();

        Ids(String prefix) {
            this.prefix = prefix;
        }

        boolean has(String key) {
            return ids.containsKey(key);
        }

        String of(String key) {
            return ids.computeIfAbsent(key, k -> prefix + (ids.size() + 1));
        }
    }
}
