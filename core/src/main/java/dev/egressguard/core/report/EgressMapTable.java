package dev.egressguard.core.report;

import dev.egressguard.core.egress.Bypassed;
import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The egress map as Markdown tables, one per group (cluster or vnet), and the words every map
 * rendering uses for a node's via, egress IPs and bypassed paths. It lives here, not in
 * {@code report.map}, because two packages need it: the verify summary ({@link MarkdownReporter}'s
 * "Where nodes leave") and {@code report.map.MapMarkdown}; {@code report.map} uses this package
 * (SafeText, ColorMode), so this package cannot use it back without a package cycle.
 */
public final class EgressMapTable {

    /** What a table cell shows for an address a template cannot know. */
    public static final String ASSIGNED_AT_DEPLOYMENT = "assigned at deployment";

    private EgressMapTable() {
    }

    /**
     * One {@code heading} (e.g. "###") line and table per group, in {@link EgressMap#byGroup()}
     * order, at most {@code limit} rows in all, then "and N more nodes".
     */
    public static String markdown(EgressMap map, String heading, int limit) {
        StringBuilder md = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, List<EgressNode>> group : map.byGroup().entrySet()) {
            if (shown >= limit) {
                break;
            }
            md.append(heading).append(' ').append(MarkdownReporter.escape(groupName(group.getKey()))).append("\n\n")
                    .append("| Node | Kind | Path | Via | Egress IPs | Bypassed |\n|---|---|---|---|---|---|\n");
            for (EgressNode n : group.getValue()) {
                if (shown++ >= limit) {
                    break;
                }
                md.append("| ").append(MarkdownReporter.escape(n.name() == null ? shortName(n.id()) : n.name()))
                        .append(" | ").append(n.kind().jsonName())
                        .append(" | ").append(n.egress().path().jsonName())
                        .append(" | ").append(MarkdownReporter.escape(via(n.egress().via())))
                        .append(" | ").append(MarkdownReporter.escape(egressIps(n.egress())))
                        .append(" | ").append(MarkdownReporter.escape(bypassed(n.bypassed()))).append(" |\n");
            }
            md.append('\n');
        }
        if (map.nodes().size() > limit) {
            md.append("_… and ").append(map.nodes().size() - limit).append(" more nodes (see `egress map`)._\n\n");
        }
        return md.toString();
    }

    /**
     * Text for a Markdown table cell or line: one line, Markdown punctuation escaped, no HTML and
     * no @-mention (the verify summary's escaping).
     */
    public static String cell(String text) {
        return MarkdownReporter.escape(text);
    }

    /** A group's name as shown: the empty group (a node without one) reads "no group". */
    public static String groupName(String group) {
        return group == null || group.isEmpty() ? "no group" : group;
    }

    /**
     * How people name a resource: its names after the provider namespace ({@code web-lb/web-pool}
     * for a backend pool), or the text as it is when it is no resource id (a symbolic subnet id).
     */
    public static String shortName(String id) {
        if (id == null) {
            return "";
        }
        return ResourceId.parse(id).filter(r -> !r.names().isEmpty()).map(r -> String.join("/", r.names())).orElse(id);
    }

    /** The via of a path by its short name, "-" when the path has none (default outbound, none). */
    public static String via(String via) {
        return via == null ? "-" : shortName(via);
    }

    /** Whether a public IP's address is unknown because Azure assigns it when it deploys. */
    public static boolean assignedAtDeployment(PublicIp ip) {
        return ip.cidr() == null && ip.reason() != null && ip.reason().contains("at deployment");
    }

    /**
     * The addresses a node leaves from in a few words: CIDRs when known, "assigned at deployment"
     * for what a template cannot fix, and for the paths without addresses of their own why not.
     * Identical words are said once with a count ("assigned at deployment (2)": AKS managed IPs).
     */
    public static String egressIps(Egress e) {
        switch (e.path()) {
            case FIREWALL -> {
                return "the firewall's public IPs";
            }
            case DEFAULT_OUTBOUND -> {
                return "an address Azure picks";
            }
            case SERVICE_MANAGED -> {
                return "the service's own outbound addresses";
            }
            case NONE -> {
                return "none (no internet access)";
            }
            case UNKNOWN -> {
                return "unknown";
            }
            default -> {
                // Named and counted in order of first appearance.
                Map<String, Integer> words = new LinkedHashMap<>();
                for (PublicIp ip : e.publicIps()) {
                    words.merge(ipWords(ip), 1, Integer::sum);
                }
                List<String> parts = new ArrayList<>();
                words.forEach((w, n) -> parts.add(n == 1 ? w : w + " (" + n + ")"));
                if (e.publicIpsUnknown() != null) {
                    parts.add("more known only to the deployment");
                }
                return parts.isEmpty() ? "none listed" : String.join(", ", parts);
            }
        }
    }

    private static String ipWords(PublicIp ip) {
        if (ip.cidr() != null) {
            return ip.cidr();
        }
        return assignedAtDeployment(ip) ? ASSIGNED_AT_DEPLOYMENT : "address unknown";
    }

    /** The bypassed paths: "loadBalancer via web-lb/web-pool", comma-separated; "-" for none. */
    public static String bypassed(List<Bypassed> bypassed) {
        if (bypassed.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (Bypassed b : bypassed) {
            parts.add(b.path().jsonName() + (b.via() == null ? "" : " via " + shortName(b.via())));
        }
        return String.join(", ", parts);
    }
}
