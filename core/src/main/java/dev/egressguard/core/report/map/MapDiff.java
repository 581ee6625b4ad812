package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.PublicIp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changes between an earlier map and the current one, as a platform team tells its customers
 * before a change: the egress IPs that appear and disappear, and the nodes whose path (or what it
 * goes through) changes, appears or goes.
 *
 * <p>An IP is matched by its resource id, else by its CIDR (a scale set's unnamed instance IPs,
 * which have neither, cannot be matched and are left out). A public IP whose address the current
 * map does not know (a template: Azure assigns it) is the same IP as before, not a change: a map
 * from templates compared with one from the live subscription says nothing false. Nodes are matched
 * by id.
 *
 * @param since       how to name the previous map (its file)
 * @param appeared    egress IPs in the current map only, or with another address now
 * @param disappeared egress IPs in the previous map only, or with another address before
 * @param changed     nodes whose path or via changes, new nodes and nodes that go
 */
public record MapDiff(String since, List<IpChange> appeared, List<IpChange> disappeared, List<NodeChange> changed) {

    public MapDiff {
        appeared = List.copyOf(appeared);
        disappeared = List.copyOf(disappeared);
        changed = List.copyOf(changed);
    }

    /**
     * An egress IP that comes or goes, with the first node that leaves from it.
     *
     * @param cidr  its CIDR, or null when its address is not known yet
     * @param ip    the public IP
     * @param group the node's group
     * @param node  the node's name
     */
    public record IpChange(String cidr, PublicIp ip, String group, String node) {
    }

    /**
     * A node whose way out changes: {@code before} is null for a new node, {@code after} null for
     * one that goes.
     */
    public record NodeChange(String id, String name, String group, Way before, Way after) {

        /** "natGateway via nat-prod -> loadBalancer via web-lb/web-pool", "new node: ...", "removed (...)". */
        public String describe() {
            if (before == null) {
                return "new node: " + after.describe();
            }
            if (after == null) {
                return "node removed (was " + before.describe() + ")";
            }
            return before.describe() + " -> " + after.describe();
        }
    }

    /** A path and what it goes through. */
    public record Way(EgressPath path, String via) {
        public String describe() {
            return path.jsonName() + (via == null ? "" : " via " + dev.egressguard.core.report.EgressMapTable.shortName(via));
        }
    }

    public boolean isEmpty() {
        return appeared.isEmpty() && disappeared.isEmpty() && changed.isEmpty();
    }

    public static MapDiff between(EgressMap previous, EgressMap current, String since) {
        Map<String, IpChange> before = ips(previous);
        Map<String, IpChange> now = ips(current);
        List<IpChange> appeared = new ArrayList<>();
        List<IpChange> disappeared = new ArrayList<>();
        now.forEach((key, ip) -> {
            IpChange old = before.get(key);
            if (old == null) {
                appeared.add(ip);
            } else if (ip.cidr() != null && old.cidr() != null && !ip.cidr().equals(old.cidr())) {
                appeared.add(ip);
                disappeared.add(old);
            }
        });
        before.forEach((key, ip) -> {
            if (!now.containsKey(key)) {
                disappeared.add(ip);
            }
        });
        Comparator<IpChange> ipOrder = Comparator.comparing(IpChange::group)
                .thenComparing(c -> c.cidr() == null ? "" : c.cidr(), Cidrs.ORDER)
                .thenComparing(c -> Objects.toString(c.ip().id(), ""));
        appeared.sort(ipOrder);
        disappeared.sort(ipOrder);

        Map<String, EgressNode> oldNodes = byId(previous);
        Map<String, EgressNode> newNodes = byId(current);
        List<NodeChange> changed = new ArrayList<>();
        newNodes.forEach((key, n) -> {
            EgressNode old = oldNodes.get(key);
            Way after = way(n);
            if (old == null) {
                changed.add(new NodeChange(n.id(), n.name(), group(n), null, after));
            } else if (!same(way(old), after)) {
                changed.add(new NodeChange(n.id(), n.name(), group(n), way(old), after));
            }
        });
        oldNodes.forEach((key, n) -> {
            if (!newNodes.containsKey(key)) {
                changed.add(new NodeChange(n.id(), n.name(), group(n), way(n), null));
            }
        });
        changed.sort(Comparator.comparing(NodeChange::group).thenComparing(c -> Objects.toString(c.name(), ""))
                .thenComparing(NodeChange::id));
        return new MapDiff(since, appeared, disappeared, changed);
    }

    /** Every matchable egress IP of a map by its key (id, else CIDR), with its first node. */
    private static Map<String, IpChange> ips(EgressMap map) {
        Map<String, IpChange> ips = new LinkedHashMap<>();
        for (EgressNode n : map.nodes()) {
            for (PublicIp ip : n.egress().publicIps()) {
                String key = ip.id() != null ? "id:" + ip.id().toLowerCase(Locale.ROOT)
                        : ip.cidr() != null ? "cidr:" + ip.cidr() : null;
                if (key != null) {
                    ips.putIfAbsent(key, new IpChange(ip.cidr(), ip, group(n), n.name() == null ? n.id() : n.name()));
                }
            }
        }
        return ips;
    }

    private static Map<String, EgressNode> byId(EgressMap map) {
        Map<String, EgressNode> nodes = new LinkedHashMap<>();
        map.nodes().forEach(n -> nodes.putIfAbsent(n.id().toLowerCase(Locale.ROOT), n));
        return nodes;
    }

    private static Way way(EgressNode n) {
        return new Way(n.egress().path(), n.egress().via());
    }

    /** ARM ids compare case-insensitively. */
    private static boolean same(Way a, Way b) {
        return a.path() == b.path() && (a.via() == null ? b.via() == null : a.via().equalsIgnoreCase(b.via() == null ? "" : b.via()));
    }

    private static String group(EgressNode n) {
        return n.group() == null ? "" : n.group();
    }
}
