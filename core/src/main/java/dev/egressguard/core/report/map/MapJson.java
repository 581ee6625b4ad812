package dev.egressguard.core.report.map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.egress.Bypassed;
import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.report.PrettyJson;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The egress map as JSON: a public interface, documented in docs/egress-map.md with a JSON Schema
 * beside it (docs/egress-map.schema.json), and what {@link PreviousMap} reads back. Fields only
 * ever grow; {@link #SCHEMA_VERSION} changes when one changes meaning or goes away. Every field is
 * always written, null where there is nothing to say (a live node has no file).
 */
public final class MapJson {

    /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private MapJson() {
    }

    /** The document, indented and newline-terminated (see {@link PrettyJson}). */
    public static String render(EgressMap map) {
        StringWriter out = new StringWriter();
        try {
            PrettyJson.write(toJson(map), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        return out.toString();
    }

    public static ObjectNode toJson(EgressMap map) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode nodes = root.putArray("nodes");
        for (EgressNode n : map.nodes()) {
            nodes.add(node(n));
        }
        ArrayNode ips = root.putArray("egressIps");
        int unknown = 0;
        for (PublicIp ip : map.egressIps()) {
            ObjectNode o = publicIp(ip);
            o.put("cidr", ip.cidr());
            ips.add(o);
            unknown += ip.cidr() == null ? 1 : 0;
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("nodes", map.nodes().size());
        ObjectNode byPath = summary.putObject("byPath");
        for (Map.Entry<EgressPath, Integer> e : map.countByPath().entrySet()) {
            byPath.put(e.getKey().jsonName(), e.getValue());
        }
        summary.put("egressIps", map.egressIps().size());
        summary.put("unknownAddresses", unknown);
        return root;
    }

    private static ObjectNode node(EgressNode n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", n.id());
        o.put("kind", n.kind().jsonName());
        o.put("name", n.name());
        o.put("subnet", n.subnet());
        o.put("group", n.group());
        SourceLocation at = n.location();
        if (at.isKnown()) {
            // The run names files relative to the project already; '/' on every OS, as the JSON report.
            o.put("file", at.file().replace('\\', '/'));
        } else {
            o.putNull("file");
        }
        if (at.isKnown() && at.line() > 0) {
            o.put("line", at.line());
        } else {
            o.putNull("line");
        }
        Egress e = n.egress();
        ObjectNode egress = o.putObject("egress");
        egress.put("path", e.path().jsonName());
        egress.put("via", e.via());
        ArrayNode ips = egress.putArray("publicIps");
        e.publicIps().forEach(ip -> ips.add(publicIp(ip)));
        egress.put("publicIpsComplete", e.publicIpsUnknown() == null);
        egress.put("reason", e.reason());
        ArrayNode possible = egress.putArray("possiblePaths");
        e.possible().forEach(p -> possible.add(p.jsonName()));
        ArrayNode bypassed = o.putArray("bypassed");
        for (Bypassed b : n.bypassed()) {
            ObjectNode x = bypassed.addObject();
            x.put("path", b.path().jsonName());
            x.put("via", b.via());
        }
        return o;
    }

    private static ObjectNode publicIp(PublicIp ip) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", ip.id());
        o.put("address", ip.address());
        o.put("prefix", ip.prefix());
        o.put("reason", ip.reason());
        return o;
    }
}
