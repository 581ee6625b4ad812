package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.PublicIp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The map in one sentence, the same on the console and in Markdown. */
final class MapSummary {

    private MapSummary() {
    }

    /** "4 nodes (2 natGateway, 1 instancePublicIp, 1 unknown); 3 egress IPs, 2 assigned at deployment". */
    static String sentence(EgressMap map) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<EgressPath, Integer> e : map.countByPath().entrySet()) {
            paths.add(e.getValue() + " " + e.getKey().jsonName());
        }
        List<PublicIp> ips = map.egressIps();
        long unknown = ips.stream().filter(ip -> ip.cidr() == null).count();
        return plural(map.nodes().size(), "node") + (paths.isEmpty() ? "" : " (" + String.join(", ", paths) + ")")
                + "; " + plural(ips.size(), "egress IP") + (unknown == 0 ? "" : ", " + unknown + " not known yet");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
