package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.report.EgressMapTable;
import dev.egressguard.core.report.SafeText;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The source addresses a third party (a partner's firewall, a SaaS IP allowlist) must allow: one
 * CIDR per line, sorted by address and de-duplicated, per group under a {@code # cluster X} line or
 * once for all. Everything else is a comment line starting with {@code #}, one per node that gives
 * no CIDR, saying why: an address Azure assigns at deployment (never a made-up CIDR: the map from
 * templates cannot know it, {@code egress map --live} can), a firewall whose own public IPs decide,
 * default outbound access, no way out, an unknown path. Every line is one line of safe text (see
 * {@link SafeText}), and only text that is a CIDR is ever written as a CIDR line.
 *
 * <p>The changes since a previous map ({@link #renderChanges}) use the same lines, with
 * {@code +cidr} for an address to allow before the change and {@code -cidr} for one no longer used
 * after it (docs/egress-map.md).
 */
public final class MapAllowlist {

    private MapAllowlist() {
    }

    /** One group's (or all groups') CIDR lines, sorted and unique, and its comment lines. */
    private record Section(Set<String> cidrs, Set<String> comments) {
        Section() {
            // By address, a change's sign aside: "+20.1.2.4/32" sorts beside "-20.1.2.3/32".
            this(new TreeSet<>(Comparator.comparing((String l) -> l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l,
                    Cidrs.ORDER).thenComparing(Comparator.naturalOrder())), new LinkedHashSet<>());
        }
    }

    public static String render(EgressMap map, boolean perGroup) {
        Map<String, Section> sections = new TreeMap<>();
        for (EgressNode n : map.nodes()) {
            String group = perGroup ? EgressMapTable.groupName(n.group()) : "";
            Section s = sections.computeIfAbsent(group, k -> new Section());
            add(n, perGroup, s);
        }
        StringBuilder out = new StringBuilder("# Egress Guard allowlist: the source addresses of these nodes, one CIDR per line.\n")
                .append("# Lines that start with '#' are comments.\n");
        if (map.nodes().isEmpty()) {
            out.append("# no nodes: nothing to allow\n");
        }
        write(sections, perGroup, out);
        return out.toString();
    }

    /** The changes since the previous map: {@code +cidr}, {@code -cidr} and comment lines. */
    public static String renderChanges(MapDiff diff, boolean perGroup) {
        Map<String, Section> sections = new TreeMap<>();
        for (MapDiff.IpChange c : diff.appeared()) {
            ipChange(c, '+', perGroup, sections);
        }
        for (MapDiff.IpChange c : diff.disappeared()) {
            ipChange(c, '-', perGroup, sections);
        }
        for (MapDiff.NodeChange c : diff.changed()) {
            String node = c.name() + suffix(c.group(), perGroup);
            section(c.group(), perGroup, sections).comments().add(comment(c.before() == null || c.after() == null
                    ? node + ": " + c.describe() : "will change: " + node + ": " + c.describe()));
        }
        StringBuilder out = new StringBuilder(comment("Egress Guard allowlist changes since " + diff.since()) + "\n")
                .append("# '+cidr': allow this address before the change; '-cidr': no longer used after it.\n");
        if (diff.isEmpty()) {
            out.append("# no changes\n");
        }
        write(sections, perGroup, out);
        return out.toString();
    }

    private static void ipChange(MapDiff.IpChange c, char sign, boolean perGroup, Map<String, Section> sections) {
        Section s = section(c.group(), perGroup, sections);
        String node = c.node() + suffix(c.group(), perGroup);
        String name = c.ip().id() == null ? "" : " " + EgressMapTable.shortName(c.ip().id());
        if (Cidrs.isCidr(c.cidr())) {
            s.cidrs().add(sign + c.cidr());
        } else if (c.cidr() != null) {
            s.comments().add(comment(sign + " " + node + ": public IP" + name + " has address '" + c.cidr()
                    + "', which is not a CIDR; not listed"));
        } else if (sign == '+') {
            s.comments().add(comment("+ " + node + ": new public IP" + name + ", address assigned at deployment"
                    + " (run egress map --live)"));
        } else {
            s.comments().add(comment("- " + node + ": public IP" + name + " is no longer used (its address was not known)"));
        }
    }

    private static Section section(String group, boolean perGroup, Map<String, Section> sections) {
        return sections.computeIfAbsent(perGroup ? EgressMapTable.groupName(group) : "", k -> new Section());
    }

    private static void write(Map<String, Section> sections, boolean perGroup, StringBuilder out) {
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            if (perGroup) {
                out.append(comment(e.getKey())).append('\n');
            }
            e.getValue().cidrs().forEach(c -> out.append(c).append('\n'));
            e.getValue().comments().forEach(c -> out.append(c).append('\n'));
        }
    }

    /** The node's CIDRs, or comments that say why it gives none (or not all). */
    private static void add(EgressNode n, boolean perGroup, Section s) {
        Egress e = n.egress();
        String head = (n.name() == null ? n.id() : n.name()) + suffix(n.group(), perGroup) + ": " + e.path().jsonName()
                + (e.via() == null ? "" : " via " + EgressMapTable.shortName(e.via())) + ": ";
        switch (e.path()) {
            case FIREWALL -> s.comments().add(comment(head + "no CIDR here, the firewall's public IPs decide"));
            case DEFAULT_OUTBOUND -> s.comments().add(comment(head + "no CIDR, Azure picks the address and may change"
                    + " it (give the subnet a NAT gateway)"));
            case NONE -> s.comments().add(comment(head + "no internet access, nothing to allow"));
            case SERVICE_MANAGED -> s.comments().add(comment(head + "no CIDR here, the service's own shared outbound"
                    + " addresses decide (route its traffic into a subnet with a NAT gateway)"));
            case UNKNOWN -> s.comments().add(comment(head + "no CIDR until the path is known (" + e.reason() + ")"));
            default -> {
                for (PublicIp ip : e.publicIps()) {
                    String cidr = ip.cidr();
                    String name = ip.id() == null ? "" : " of " + EgressMapTable.shortName(ip.id());
                    if (Cidrs.isCidr(cidr)) {
                        s.cidrs().add(cidr);
                    } else if (cidr != null) {
                        s.comments().add(comment(head + "address" + name + " '" + cidr + "' is not a CIDR; not listed"));
                    } else if (EgressMapTable.assignedAtDeployment(ip)) {
                        s.comments().add(comment(head + "address" + name + " assigned at deployment (run egress map --live)"));
                    } else {
                        s.comments().add(comment(head + "address" + name + " not known"
                                + (ip.reason() == null ? "" : " (" + ip.reason() + ")")));
                    }
                }
                if (e.publicIpsUnknown() != null) {
                    s.comments().add(comment(head + "more addresses known only to the deployment ("
                            + e.publicIpsUnknown() + ")"));
                } else if (e.publicIps().isEmpty()) {
                    s.comments().add(comment(head + "no public IP listed"));
                }
            }
        }
    }

    /** In one list for all groups, a node names its group. */
    private static String suffix(String group, boolean perGroup) {
        return perGroup ? "" : " (" + EgressMapTable.groupName(group) + ")";
    }

    /** A comment line: one line whatever the text holds. */
    private static String comment(String text) {
        return "# " + SafeText.forTerminal(text.strip());
    }
}
