package dev.egressguard.core.egress;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceTypes;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses behind public IP and public IP prefix ids: a live resource carries them
 * ({@code properties.ipAddress}, {@code properties.ipPrefix}); a template cannot fix them (Azure
 * assigns them at deployment), so they are null there, with the reason.
 */
final class PublicIps {

    /** The addresses, and why the list is incomplete (null when it is complete). */
    record Resolved(List<PublicIp> ips, String unknown) {
        Resolved {
            ips = List.copyOf(ips);
        }

        static Resolved none() {
            return new Resolved(List.of(), null);
        }

        Resolved plus(Resolved other) {
            List<PublicIp> all = new ArrayList<>(ips);
            all.addAll(other.ips);
            return new Resolved(all, unknown != null ? unknown : other.unknown);
        }
    }

    private final Lookup lookup;
    /**
     * Whether the graph is a live read (its resources carry portal links), which changes what an
     * absent address means; null until a public IP elsewhere asks (a scan of every resource).
     */
    private Boolean live;

    PublicIps(Lookup lookup) {
        this.lookup = lookup;
    }

    private boolean live() {
        if (live == null) {
            boolean any = false;
            for (Resource r : lookup.graph().resources()) {
                if (r.provenance().portalLink() != null) {
                    any = true;
                    break;
                }
            }
            live = any;
        }
        return live;
    }

    /** The public IP or prefix whose id is at {@code at}. */
    PublicIp one(Lookup.At at) {
        Lookup.Target target = lookup.target(at, "the public IP's id");
        if (target instanceof Lookup.Found f) {
            return of(f.resource());
        }
        if (target instanceof Lookup.Elsewhere e) {
            return new PublicIp(e.id(), null, null, live()
                    ? "not among the audited resources (in a subscription outside the audited scope, in a list that"
                    + " could not be read, or not readable by this identity): its address is unknown"
                    : "not among the evaluated resources: the deployment or the live subscription knows its address");
        }
        return new PublicIp(null, null, null, ((Lookup.Unknowable) target).reason());
    }

    /** The public IP or prefix resource's address: what it holds, or null with the reason. */
    PublicIp of(Resource r) {
        boolean prefix = r.isType(ResourceTypes.PUBLIC_IP_PREFIX);
        Value v = Lookup.at(r, prefix ? "properties.ipPrefix" : "properties.ipAddress").value();
        String text = v instanceof Value.Str s && !s.value().isBlank() ? s.value() : null;
        String reason = text != null ? null
                : v instanceof Value.Unknown u ? u.describe()
                : r.provenance().portalLink() == null ? "Azure assigns it at deployment; `egress map --live` reads it"
                : prefix ? "the live public IP prefix has no ipPrefix"
                // A dynamic address is allocated when the resource it is attached to starts, and released
                // when it is deallocated (learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses).
                : "the live public IP has no address: a dynamic one exists only while the resource using it runs";
        return new PublicIp(r.id().toString(), prefix ? null : text, prefix ? text : null, reason);
    }

    /**
     * Every id under a list of references ({@code publicIpAddresses[*].id}) at {@code list}; an
     * unknown list or entry makes the result incomplete.
     */
    Resolved list(Lookup.At list, String what) {
        if (list.isAbsent()) {
            return Resolved.none();
        }
        if (!(list.value() instanceof Value.Arr arr)) {
            return new Resolved(List.of(), what + " is known only to the deployment"
                    + (list.value() instanceof Value.Unknown u ? ": " + u.describe() : ""));
        }
        List<PublicIp> ips = new ArrayList<>();
        String unknown = null;
        for (int i = 0; i < arr.size(); i++) {
            Lookup.At id = Lookup.at(arr.get(i), list.pointer() + "/" + i, "id");
            if (arr.get(i) instanceof Value.Unknown u) {
                unknown = unknown != null ? unknown : what + " has an entry known only to the deployment: " + u.describe();
            } else if (!id.isAbsent()) {
                ips.add(one(id));
            }
        }
        return new Resolved(ips, unknown);
    }

    /** {@code count} addresses Azure creates unnamed (AKS managed outbound IPs, a scale set's instance IPs). */
    static Resolved created(int count, String reason) {
        List<PublicIp> ips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ips.add(new PublicIp(null, null, null, reason));
        }
        return new Resolved(ips, null);
    }
}
