package dev.egressguard.core.egress;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
public record EgressView(Egress egress, List<Bypassed> bypassed, Value.Obj value, Map<String, String> anchors,
                         String decisivePointer) {

    public EgressView {
        bypassed = List.copyOf(bypassed);
        anchors = Map.copyOf(anchors);
    }

    static EgressView of(Precedence.Decision d) {
        Egress e = d.egress();
        Map<String, Value> fields = new LinkedHashMap<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        String decisive = d.decisive().pointer();
        if (e.path() == EgressPath.DEFAULT_OUTBOUND || e.path() == EgressPath.NONE && d.decisive() == last(d.facts())) {
            // Nothing explicit: a finding points where the missing NAT gateway goes.
            decisive = d.facts().stream().filter(f -> f instanceof Fact.Absent a && a.pointer().toLowerCase(Locale.ROOT)
                    .contains("natgateway")).map(Fact::pointer).findFirst().orElse(decisive);
        }
        Value.Unknown unknown = e.isKnown() ? null : new Value.Unknown(e.reason(), SourceLocation.NONE);
        fields.put("path", e.isKnown() ? Value.of(e.path().jsonName()) : unknown);
        if (e.via() != null) {
            fields.put("via", Value.of(e.via()));
        }
        fields.put("reason", Value.of(e.reason()));
        if (!e.isKnown()) {
            fields.put("publicIps", unknown);
        } else if (e.publicIpsUnknown() != null) {
            fields.put("publicIps", new Value.Unknown(e.publicIpsUnknown(), SourceLocation.NONE));
        } else {
            List<Value> ips = new ArrayList<>();
            for (PublicIp ip : e.publicIps()) {
                Map<String, Value> o = new LinkedHashMap<>();
                o.put("id", ip.id() == null ? Value.Null.INSTANCE : Value.of(ip.id()));
                o.put("address", ip.address() == null ? Value.Null.INSTANCE : Value.of(ip.address()));
                o.put("prefix", ip.prefix() == null ? Value.Null.INSTANCE : Value.of(ip.prefix()));
                ips.add(new Value.Obj(o));
            }
            fields.put("publicIps", new Value.Arr(ips));
        }
        fields.put("possiblePaths", new Value.Arr(d.possible().stream().map(p -> Value.of(p.jsonName())).toList()));
        List<Value> bypassed = new ArrayList<>();
        for (Bypassed b : d.bypassed()) {
            Map<String, Value> o = new LinkedHashMap<>();
            o.put("path", Value.of(b.path().jsonName()));
            o.put("via", b.via() == null ? Value.Null.INSTANCE : Value.of(b.via()));
            bypassed.add(new Value.Obj(o));
        }
        fields.put("bypassed", new Value.Arr(bypassed));
        for (String key : List.of("path", "via", "reason", "publicIps", "possiblePaths", "bypassed")) {
            anchors.put(key, decisive);
        }
        for (EgressPath p : EgressPath.values()) {
            if (p == EgressPath.UNKNOWN || !d.possible().contains(p)) {
                continue;
            }
            Fact f = factFor(d.facts(), p);
            fields.put(p.jsonName(), e.isKnown() ? Value.of(e.via() != null ? e.via() : p.jsonName()) : unknown);
            anchors.put(p.jsonName().toLowerCase(Locale.ROOT), f == null ? decisive : f.pointer());
        }
        return new EgressView(e, d.bypassed(), new Value.Obj(fields), anchors, decisive);
    }

    private static Fact last(List<Fact> facts) {
        return facts.isEmpty() ? null : facts.get(facts.size() - 1);
    }

    /** This view with one more key ({@code serviceNodes} of a subnet), resting on {@code pointer}. */
    EgressView with(String key, Value v, String pointer) {
        Map<String, String> more = new LinkedHashMap<>(anchors);
        more.put(key.toLowerCase(Locale.ROOT), pointer);
        return new EgressView(egress, bypassed, value.with(key, v), more, decisivePointer);
    }

    /** The fact that offers {@code path} (taken or undecided), or null. */
    private static Fact factFor(List<Fact> facts, EgressPath path) {
        for (Fact f : facts) {
            if (f instanceof Fact.Taken t && t.path() == path || f instanceof Fact.Undecided u && u.paths().contains(path)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The body pointer a property of the view rests on ({@code path}, {@code natGateway}, ...), so
     * a finding about it points at the resource's own property; the decisive fact's for others.
     */
    public String anchor(String key) {
        String a = anchors.get(key);
        if (a == null) {
            a = anchors.get(key.toLowerCase(Locale.ROOT));
        }
        if (a == null) {
            for (Map.Entry<String, String> e : anchors.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return e.getValue();
                }
            }
        }
        return a == null ? decisivePointer : a;
    }
}
