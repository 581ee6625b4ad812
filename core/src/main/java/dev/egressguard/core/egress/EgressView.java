package dev.egressguard.core.egress;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rule language reads as {@code egress} on a node or a subnet: the decided path as a
 * value (an Unknown with the reason when it is undecided), so that conditions over it are TRUE,
 * FALSE or UNKNOWN exactly as the model is, and for each key the property of the resource's body
 * the fact rests on, so that a finding points where the fix goes.
 *
 * <pre>
 * egress:
 *   path: natGateway            # or an Unknown, with the reason
 *   via: /subscriptions/.../natGateways/nat
 *   reason: subnet 'nodes' of vnet 'vnet' leaves through NAT gateway 'nat'
 *   publicIps: [{id, address, prefix}]
 *   possiblePaths: [natGateway]
 *   bypassed: [{path: loadBalancer, via: ...}]
 *   natGateway: /subscriptions/.../natGateways/nat   # one key per path: the via (or the path's
 *                                                     # name) when taken, an Unknown when still
 *                                                     # possible, absent when ruled out
 * </pre>
 */
public final class EgressView {

    /** The path names as values: every view holds one or more of them. */
    private static final Value[] PATH_NAMES = new Value[EgressPath.values().length];
    /** {@code possiblePaths} of a view whose path is known: that path alone, one list per path for every view. */
    private static final Value[] ONE_PATH = new Value[EgressPath.values().length];
    private static final List<EgressPath> PATHS = List.of(EgressPath.values());
    static {
        for (EgressPath p : PATHS) {
            PATH_NAMES[p.ordinal()] = Value.of(p.jsonName());
            ONE_PATH[p.ordinal()] = new Value.Arr(List.of(PATH_NAMES[p.ordinal()]));
        }
    }

    private final Egress egress;
    private final List<Bypassed> bypassed;
    private final Value.Obj value;
    private final String decisivePointer;
    /** The pointer each possible path's key rests on, by {@link EgressPath#ordinal}; null for the others. */
    private final String[] pathAnchors;
    /** Whether this is a subnet's view, with the keys {@link #SUBNET_KEYS} resting on the subnet itself. */
    private final boolean subnet;

    /** What a subnet's view has beyond a node's: how many service nodes run on it, and how many leave through default outbound access. */
    private static final List<String> SUBNET_KEYS = List.of("serviceNodes", "serviceNodesOnDefaultOutbound");

    private EgressView(Egress egress, List<Bypassed> bypassed, Value.Obj value, String decisivePointer,
                       String[] pathAnchors, boolean subnet) {
        this.egress = egress;
        this.bypassed = List.copyOf(bypassed);
        this.value = value;
        this.decisivePointer = decisivePointer;
        this.pathAnchors = pathAnchors;
        this.subnet = subnet;
    }

    /** The path decided, with its reason and addresses. */
    public Egress egress() {
        return egress;
    }

    /** The lower paths that exist but are not taken. */
    public List<Bypassed> bypassed() {
        return bypassed;
    }

    /** The view as the rule language reads it (see the class comment). */
    public Value.Obj value() {
        return value;
    }

    /** The body pointer of the fact that decided (or the first undecided one). */
    public String decisivePointer() {
        return decisivePointer;
    }

    /** The view of a node. */
    static EgressView of(Precedence.Decision d) {
        return of(d, null, null);
    }

    /**
     * The view of a subnet: a node's, with {@code serviceNodes} and
     * {@code serviceNodesOnDefaultOutbound} last, each resting on the subnet itself.
     */
    static EgressView ofSubnet(Precedence.Decision d, Value serviceNodes, Value serviceNodesOnDefaultOutbound) {
        return of(d, serviceNodes, serviceNodesOnDefaultOutbound);
    }

    private static EgressView of(Precedence.Decision d, Value serviceNodes, Value serviceNodesOnDefaultOutbound) {
        Egress e = d.egress();
        String decisive = d.decisive().pointer();
        if (e.path() == EgressPath.DEFAULT_OUTBOUND || e.path() == EgressPath.NONE && d.decisive() == last(d.facts())) {
            // Nothing explicit: a finding points where the missing NAT gateway goes.
            for (Fact f : d.facts()) {
                if (f instanceof Fact.Absent a && Lookup.containsIgnoringCase(a.pointer(), "natgateway")) {
                    decisive = f.pointer();
                    break;
                }
            }
        }
        // path, via, reason, publicIps, possiblePaths, bypassed, a key per possible path, a subnet's two.
        Value.Obj.Builder fields = new Value.Obj.Builder(8 + d.possible().size());
        Value.Unknown unknown = e.isKnown() ? null : new Value.Unknown(e.reason(), SourceLocation.NONE);
        fields.put("path", e.isKnown() ? PATH_NAMES[e.path().ordinal()] : unknown);
        Value via = e.via() == null ? null : Value.of(e.via());
        if (via != null) {
            fields.put("via", via);
        }
        fields.put("reason", Value.of(e.reason()));
        if (!e.isKnown()) {
            fields.put("publicIps", unknown);
        } else if (e.publicIpsUnknown() != null) {
            fields.put("publicIps", new Value.Unknown(e.publicIpsUnknown(), SourceLocation.NONE));
        } else {
            fields.put("publicIps", publicIps(e.publicIps()));
        }
        fields.put("possiblePaths", possiblePaths(e.possible()));
        fields.put("bypassed", bypassed(d.bypassed()));
        String[] pathAnchors = new String[PATH_NAMES.length];
        for (EgressPath p : PATHS) {
            if (p == EgressPath.UNKNOWN || !d.possible().contains(p)) {
                continue;
            }
            Fact f = factFor(d.facts(), p);
            fields.put(p.jsonName(), e.isKnown() ? via != null ? via : PATH_NAMES[p.ordinal()] : unknown);
            pathAnchors[p.ordinal()] = f == null ? decisive : f.pointer();
        }
        boolean subnet = serviceNodes != null;
        if (subnet) {
            fields.put(SUBNET_KEYS.get(0), serviceNodes);
            fields.put(SUBNET_KEYS.get(1), serviceNodesOnDefaultOutbound);
        }
        return new EgressView(e, d.bypassed(), fields.build(), decisive, pathAnchors, subnet);
    }

    private static Value publicIps(List<PublicIp> publicIps) {
        if (publicIps.isEmpty()) {
            return Value.Arr.EMPTY;
        }
        List<Value> ips = new ArrayList<>(publicIps.size());
        for (PublicIp ip : publicIps) {
            ips.add(new Value.Obj.Builder(3)
                    .put("id", ip.id() == null ? Value.Null.INSTANCE : Value.of(ip.id()))
                    .put("address", ip.address() == null ? Value.Null.INSTANCE : Value.of(ip.address()))
                    .put("prefix", ip.prefix() == null ? Value.Null.INSTANCE : Value.of(ip.prefix()))
                    .build());
        }
        return new Value.Arr(ips);
    }

    private static Value possiblePaths(List<EgressPath> possible) {
        if (possible.size() == 1) {
            return ONE_PATH[possible.get(0).ordinal()];
        }
        List<Value> names = new ArrayList<>(possible.size());
        for (EgressPath p : possible) {
            names.add(PATH_NAMES[p.ordinal()]);
        }
        return new Value.Arr(names);
    }

    private static Value bypassed(List<Bypassed> bypassed) {
        if (bypassed.isEmpty()) {
            return Value.Arr.EMPTY;
        }
        List<Value> out = new ArrayList<>(bypassed.size());
        for (Bypassed b : bypassed) {
            out.add(new Value.Obj.Builder(2)
                    .put("path", PATH_NAMES[b.path().ordinal()])
                    .put("via", b.via() == null ? Value.Null.INSTANCE : Value.of(b.via()))
                    .build());
        }
        return new Value.Arr(out);
    }

    private static Fact last(List<Fact> facts) {
        return facts.isEmpty() ? null : facts.get(facts.size() - 1);
    }

    /** The fact that offers {@code path} (taken or undecided), or null. */
    private static Fact factFor(List<Fact> facts, EgressPath path) {
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (f instanceof Fact.Taken t && t.path() == path || f instanceof Fact.Undecided u && u.paths().contains(path)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The body pointer a property of the view rests on ({@code path}, {@code natGateway}, ...), so
     * a finding about it points at the resource's own property; the decisive fact's for others.
     * Keys match in any casing.
     */
    public String anchor(String key) {
        for (EgressPath p : PATHS) {
            String a = pathAnchors[p.ordinal()];
            if (a != null && p.jsonName().equalsIgnoreCase(key)) {
                return a;
            }
        }
        if (subnet && SUBNET_KEYS.stream().anyMatch(key::equalsIgnoreCase)) {
            return "";
        }
        return decisivePointer;
    }
}
