package dev.egressguard.core.egress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The egress map of a run: every node of every checked template (or of the live scope) with the
 * path its traffic takes and the public IPs it leaves from. What {@code egress map} prints and the
 * verify Markdown summary shows; the rules read the same model, so they never disagree with it.
 */
public record EgressMap(List<EgressNode> nodes) {

    public static final EgressMap EMPTY = new EgressMap(List.of());

    public EgressMap {
        nodes = List.copyOf(nodes);
    }

    /** Every public IP some node leaves from, once each (by id, else by CIDR), in order of first use. */
    public List<PublicIp> egressIps() {
        Map<String, PublicIp> seen = new LinkedHashMap<>();
        for (EgressNode n : nodes) {
            for (PublicIp ip : n.egress().publicIps()) {
                String key = ip.id() != null ? ip.id().toLowerCase(java.util.Locale.ROOT)
                        : ip.cidr() != null ? ip.cidr() : null;
                if (key == null) {
                    // Unnamed and not yet known (a scale set's instance IPs): one per node that has them.
                    key = n.id() + "#" + seen.size();
                }
                seen.putIfAbsent(key, ip);
            }
        }
        return List.copyOf(seen.values());
    }

    /** How many nodes take each path, in {@link EgressPath} order, paths no node takes left out. */
    public Map<EgressPath, Integer> countByPath() {
        Map<EgressPath, Integer> counts = new EnumMap<>(EgressPath.class);
        for (EgressNode n : nodes) {
            counts.merge(n.egress().path(), 1, Integer::sum);
        }
        return counts;
    }

    /** The nodes by the cluster or vnet they belong to ({@link EgressNode#group}), groups sorted by name. */
    public Map<String, List<EgressNode>> byGroup() {
        Map<String, List<EgressNode>> groups = new java.util.TreeMap<>();
        for (EgressNode n : nodes) {
            groups.computeIfAbsent(n.group() == null ? "" : n.group(), k -> new ArrayList<>()).add(n);
        }
        return groups;
    }

    /** The order of a combined map: by id, ignoring case. */
    private static final Comparator<EgressNode> BY_ID = Comparator.comparing(EgressNode::id, String.CASE_INSENSITIVE_ORDER);

    /**
     * The nodes of all {@code maps}, sorted by id once (the order of a run over many templates is not
     * fixed; the sort is stable): one sort for a whole run, not one per template. Maps made by
     * {@link #ofTemplate} are already in that order, and the sort (a merge sort that finds runs
     * already in order) then only merges them.
     */
    public static EgressMap combined(List<EgressMap> maps) {
        List<EgressNode> all = new ArrayList<>();
        for (EgressMap m : maps) {
            all.addAll(m.nodes);
        }
        all.sort(BY_ID);
        return new EgressMap(all);
    }

    /**
     * One template's nodes in the order {@link #combined} puts them (a stable sort by id), so that
     * the sort is done where the template is checked, on every core at once, and not at the end of
     * a run, when one thread is left working: combining sorted maps only merges them, in a fraction
     * of the comparisons a sort of all their nodes takes (in one pass when their ids do not
     * interleave, as in templates of one resource group each). The combined map is the same,
     * because a stable sort of each part then a stable merge keeps equal ids in the order a stable
     * sort of the whole keeps them.
     */
    public static EgressMap ofTemplate(List<EgressNode> nodes) {
        List<EgressNode> sorted = new ArrayList<>(nodes);
        sorted.sort(BY_ID);
        return new EgressMap(sorted);
    }
}
