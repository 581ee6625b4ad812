package dev.egressguard.core.egress;

import dev.egressguard.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * One node of the egress map: what leaves, from where, and how.
 *
 * @param id       the id of the ipConfiguration or node pool the path is computed for
 * @param kind     what it is
 * @param name     how people name it: the VM, scale set or {@code cluster/pool}
 * @param subnet   the subnet id, or null (an AKS-managed network, or unknown)
 * @param group    the cluster or virtual network the map groups it under
 * @param location where it is declared (template) or {@link SourceLocation#NONE} (live)
 * @param egress   the path it takes
 * @param bypassed the lower paths that exist but are not taken
 */
public record EgressNode(String id, NodeKind kind, String name, String subnet, String group, SourceLocation location,
                         Egress egress, List<Bypassed> bypassed) {

    public EgressNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(egress, "egress");
        location = location == null ? SourceLocation.NONE : location;
        bypassed = List.copyOf(bypassed);
    }
}
