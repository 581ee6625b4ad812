package dev.egressguard.core.egress;

import dev.egressguard.core.model.ResourceId;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expected egress map of an estate ({@code expected-map.yaml} beside its {@code template.json}),
 * one flow-style line per node and per node subnet, resources named by their names, not their ids:
 *
 * <pre>
 * nodes:      # every node of the map, nothing more
 *   - {node: app-vm, kind: virtualMachine, subnet: spoke/app, path: firewall, via: app-rt, bypassed: [natGateway app-nat]}
 *   - {node: web-vmss, kind: scaleSet, subnet: spoke/web, path: natGateway, via: web-nat, ips: 2}
 *   - {node: api-nic, kind: networkInterface, subnet: "parameters('subnetId')", path: unknown,
 *      possible: [firewall, none, natGateway, defaultOutbound], reason: "subnetId"}
 * subnets:    # every subnet of the graph that hosts a node of the map: the path a node without
 *             # a public IP or load balancer of its own takes there
 *   - {subnet: spoke/app, path: firewall, via: app-rt}
 * </pre>
 *
 * {@code node} is the map's name (the VM, scale set, NIC or {@code cluster/pool}); {@code subnet}
 * the subnet's names ({@code vnet/subnet}), the expression of an unknown one, or left out (AKS
 * managed network); {@code via} the names of the route table, NAT gateway, public IP, backend
 * pool ({@code lb/pool}) or cluster, left out when there is none; {@code bypassed} the lower
 * paths that exist, each "{@code path via}" (or the path alone); {@code ips} how many public IPs
 * it leaves from, or {@code unknown} when the list is not complete (0 by default, {@code unknown}
 * for an unknown path); {@code possible} the paths still possible when {@code path} is
 * {@code unknown} (a set); {@code reason} a fragment the reason must contain (optional).
 */
record ExpectedMap(List<Line> nodes, List<Line> subnets) {

    /** One node or subnet, every field rendered as the expected file writes it. */
    record Line(String name, String kind, String subnet, String path, String via, List<String> bypassed, String ips,
                Set<String> possible, String reason) {

        /** The line as text, for an exact comparison: the reason fragment is checked apart. */
        String render() {
            StringBuilder b = new StringBuilder(name).append(": ");
            if (kind != null) {
                b.append(kind).append(", subnet ").append(subnet).append(", ");
            }
            b.append(path);
            if (via != null) {
                b.append(" via ").append(via);
            }
            if (!bypassed.isEmpty()) {
                b.append(", bypassed ").append(bypassed);
            }
            b.append(", ips ").append(ips);
            if (path.equals("unknown")) {
                b.append(", possible ").append(new TreeSet<>(possible));
            }
            return b.toString();
        }
    }

    private static final Set<String> NODE_KEYS = Set.of("node", "kind", "subnet", "path", "via", "bypassed", "ips",
            "possible", "reason");
    private static final Set<String> SUBNET_KEYS = Set.of("subnet", "path", "via", "bypassed", "ips", "possible", "reason");

    static ExpectedMap load(Path file) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(doc instanceof Map<?, ?> top) || !top.keySet().stream().allMatch(k -> k.equals("nodes") || k.equals("subnets"))) {
            throw new IllegalArgumentException(file + ": expected a map with 'nodes' and 'subnets'");
        }
        List<Line> nodes = new ArrayList<>();
        for (Object o : list(top.get("nodes"))) {
            nodes.add(line(file, (Map<?, ?>) o, "node", NODE_KEYS));
        }
        List<Line> subnets = new ArrayList<>();
        for (Object o : list(top.get("subnets"))) {
            subnets.add(line(file, (Map<?, ?>) o, "subnet", SUBNET_KEYS));
        }
        return new ExpectedMap(nodes, subnets);
    }

    private static Line line(Path file, Map<?, ?> m, String nameKey, Set<String> keys) {
        for (Object k : m.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(file + ": unknown key '" + k + "' in " + m);
            }
        }
        String path = text(m.get("path"));
        if (path == null || EgressPath.ofJsonName(path).isEmpty()) {
            throw new IllegalArgumentException(file + ": no path, or not a path, in " + m);
        }
        boolean unknown = path.equals("unknown");
        String ips = m.containsKey("ips") ? String.valueOf(m.get("ips")) : unknown ? "unknown" : "0";
        Set<String> possible = new HashSet<>();
        list(m.get("possible")).forEach(p -> possible.add(String.valueOf(p)));
        if (!unknown) {
            possible.clear();
            possible.add(path);
        }
        boolean node = nameKey.equals("node");
        String name = text(m.get(nameKey));
        return new Line(name, node ? text(m.get("kind")) : null, node ? text(m.get("subnet")) : null, path,
                text(m.get("via")), list(m.get("bypassed")).stream().map(String::valueOf).toList(), ips, possible,
                text(m.get("reason")));
    }

    /** The line of an actual node. */
    static Line of(EgressNode n) {
        return line(n.name(), n.kind().jsonName(), n.subnet() == null ? null : names(n.subnet()), n.egress(), n.bypassed());
    }

    /** The line of an actual subnet's view. */
    static Line ofSubnet(String id, EgressView v) {
        return line(names(id), null, null, v.egress(), v.bypassed());
    }

    private static Line line(String name, String kind, String subnet, Egress e, List<Bypassed> bypassed) {
        List<String> by = bypassed.stream().map(b -> b.path().jsonName() + (b.via() == null ? "" : " " + names(b.via())))
                .toList();
        String ips = e.publicIpsUnknown() != null ? "unknown" : String.valueOf(e.publicIps().size());
        Set<String> possible = new HashSet<>();
        e.possible().forEach(p -> possible.add(p.jsonName()));
        return new Line(name, kind, subnet, e.path().jsonName(), e.via() == null ? null : names(e.via()), by, ips,
                possible, e.reason());
    }

    /** {@code spoke/app} for a subnet's id, {@code lb/pool} for a pool's; the text itself when it is no id. */
    static String names(String id) {
        return ResourceId.parse(id).map(r -> String.join("/", r.names())).orElse(id);
    }

    /** The lines, keyed by name, in file order; a name twice is an error of the estate. */
    static Map<String, Line> byName(List<Line> lines, String what) {
        Map<String, Line> m = new LinkedHashMap<>();
        for (Line l : lines) {
            if (m.put(l.name().toLowerCase(Locale.ROOT), l) != null) {
                throw new IllegalArgumentException(what + " '" + l.name() + "' twice: name the nodes apart");
            }
        }
        return m;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? l : List.of(o);
    }
}
