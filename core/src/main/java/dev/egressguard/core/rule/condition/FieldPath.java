package dev.egressguard.core.rule.condition;

import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.egress.EgressOptions;
import dev.egressguard.core.egress.EgressView;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.JsonPointers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A property path such as {@code properties.ipConfigurations[*].properties.subnet.id}: dotted,
 * case-insensitive keys, {@code [n]} for one element, {@code [*]} for each element.
 *
 * <p>A path never reads "missing" where the deployment might write something: an Unknown on
 * the way ends it with that Unknown, and so does a key that an <em>open</em> object (runtime
 * state read back with {@code reference()}, {@link Value.Obj#isOpen}) does not declare — the
 * hit is then incomplete, so even {@code exists} and {@code count} are UNKNOWN there.
 */
final class FieldPath {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index, Each {
    }

    /**
     * A key; {@code escaped} is it as a pointer segment and {@code folded} its
     * {@link Value.Obj#foldedHash}, made once: every pointer a path reports is made of the
     * first, and every object it asks for a key it lacks in that spelling takes the second.
     */
    public record Key(String name, String escaped, int folded) implements Segment {
        /**
         * The name is interned: the JSON reader interns the keys of templates, so a lookup of a
         * key spelled as the rule spells it meets the very same string, and the map's identity
         * check answers without comparing characters (a path is followed for every resource).
         */
        public Key(String name) {
            this(name.intern(), JsonPointers.escape(name), Value.Obj.foldedHash(name));
        }
    }

    public record Index(int index) implements Segment {
    }

    public record Each() implements Segment {
    }

    /**
     * What a path reached: the JSON pointer of the property, its value ({@code null} when
     * missing) and whether the whole path was followed ({@code false} when an Unknown value
     * stood on the way, so the rest cannot be known).
     */
    public record Hit(String pointer, Value value, boolean complete) {
        public boolean isMissing() {
            return value == null || value == Value.Null.INSTANCE;
        }
    }

    /** A path that does not parse; {@code index} is where in the text (0-based) the mistake is. */
    public static final class PathException extends IllegalArgumentException {
        private final int index;

        PathException(String message, int index) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static final Pattern KEY = Pattern.compile("[^.\\[\\]\\s]+");
    private static final List<String> VIRTUAL = List.of("id", "name", "type", "apiversion");
    /** The first key of a path that reads the egress model's view of a resource. */
    static final String EGRESS = "egress";
    private static final String EGRESS_POINTER = "/" + EGRESS;

    // Everything below is derived from the segments once, when a rule is loaded: a path is
    // followed for every resource a rule selects, so what does not depend on the resource is
    // not worked out again there.
    private final String text;
    private final List<Segment> segments;
    private final Segment[] steps;
    /** For each position: the next {@code [*]} at or after it, or the end. */
    private final int[] nextEach;
    /**
     * For each position: the pointer of the segments from the start of its run (the path's
     * start, or just after a {@code [*]}) up to it, spelled as the rule spells them. A walk on
     * keys spelled as the rule does (the common case) reports these texts without building any.
     */
    private final String[] spelled;
    /** For each position: the pointer of the segments from it up to the next {@code [*]} or the end. */
    private final String[] rest;
    private final boolean wildcard;
    private final boolean egress;
    /** The one-key paths that read the resource itself rather than its body. */
    private enum Virtual { ID, NAME, TYPE, API_VERSION }

    /** Which of {@link Virtual} this path is, else null. */
    private final Virtual virtual;
    /** The pointer a virtual field reports: {@code /apiVersion}, {@code /id}, ... */
    private final String virtualPointer;

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.steps = this.segments.toArray(new Segment[0]);
        int n = steps.length;
        nextEach = new int[n + 1];
        rest = new String[n + 1];
        nextEach[n] = n;
        rest[n] = "";
        for (int i = n - 1; i >= 0; i--) {
            boolean each = steps[i] instanceof Each;
            nextEach[i] = each ? i : nextEach[i + 1];
            rest[i] = each ? "" : piece(steps[i]) + rest[i + 1];
        }
        spelled = new String[n + 1];
        spelled[0] = "";
        for (int i = 0; i < n; i++) {
            spelled[i + 1] = steps[i] instanceof Each ? "" : spelled[i] + piece(steps[i]);
        }
        wildcard = nextEach[0] < n;
        egress = n > 0 && steps[0] instanceof Key k && k.name().equalsIgnoreCase(EGRESS);
        String v = n == 1 && steps[0] instanceof Key k ? k.name().toLowerCase(Locale.ROOT) : null;
        virtual = v == null || !VIRTUAL.contains(v) ? null
                : Virtual.values()[VIRTUAL.indexOf(v)];
        virtualPointer = virtual == null ? null : virtual == Virtual.API_VERSION ? "/apiVersion" : "/" + v;
    }

    /** One segment (not {@code [*]}) as a pointer: {@code /name} or {@code /0}. */
    private static String piece(Segment s) {
        return "/" + (s instanceof Key k ? k.escaped() : String.valueOf(((Index) s).index()));
    }

    /** Parses a path; the error says what is wrong with it. */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PathException("a path must not be empty", 0);
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectKey = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new PathException("'[' at position " + (i + 1) + " is not closed in '" + text + "'", i);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.equals("*")) {
                    segments.add(new Each());
                } else if (inside.matches("\\d{1,9}")) {
                    segments.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw new PathException("'[" + inside + "]' in '" + text + "' is neither [n] nor [*]", i);
                }
                i = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw new PathException("empty key at position " + (i + 1) + " in '" + text + "'", i);
                }
                expectKey = true;
                i++;
                if (i == n) {
                    throw new PathException("'" + text + "' ends with '.'", i - 1);
                }
            } else {
                if (!expectKey) {
                    throw new PathException("missing '.' before position " + (i + 1) + " in '" + text + "'", i);
                }
                int end = i;
                while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String key = text.substring(i, end);
                if (!KEY.matcher(key).matches()) {
                    throw new PathException("'" + key + "' in '" + text + "' is not a property name", i);
                }
                segments.add(new Key(key));
                i = end;
                expectKey = false;
            }
        }
        return new FieldPath(text, segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean hasWildcard() {
        return wildcard;
    }

    /** The JSON pointer of the part before the first {@code [*]}, relative to {@code base}. */
    public String collectionPointer(String base) {
        String suffix = spelled[nextEach[0]];
        return base.isEmpty() ? suffix : base + suffix;
    }

    /** Follows the path from {@code start} (whose pointer is {@code base}). */
    public List<Hit> resolve(Value start, String base) {
        return resolve(start, base, true);
    }

    /**
     * The same; without {@code pointers}, every hit's pointer is empty: a condition tested for
     * its truth alone ({@link Condition#test}) reads only values, and building the pointers of
     * list elements and of properties spelled otherwise was most of what following paths made.
     */
    List<Hit> resolve(Value start, String base, boolean pointers) {
        if (!wildcard) {
            return List.of(run(start, base, null, 0, pointers));
        }
        List<Hit> out = new ArrayList<>();
        walk(start, base, null, 0, out, pointers);
        return out;
    }

    /**
     * Follows the path where a condition stands: on the resource ({@link #resolveOnResource}), or
     * from the element a {@code count} is at.
     */
    List<Hit> resolve(EvalContext ctx) {
        return resolve(ctx, true);
    }

    /** The same, with empty pointers unless {@code pointers} ({@link #resolve(Value, String, boolean)}). */
    List<Hit> resolve(EvalContext ctx, boolean pointers) {
        if (!wildcard) {
            return List.of(resolveOne(ctx, pointers));
        }
        if (ctx.atResource() && egress) {
            return resolveEgress(ctx.resource(), ctx.graph(), EgressOptions.fromSettings(ctx.settings()), pointers);
        }
        return resolve(ctx.atResource() ? ctx.resource().body() : ctx.current(), ctx.base(), pointers);
    }

    /**
     * {@code operator} on every place the path reaches from where the condition stands, for its
     * truth alone: FALSE at the first place it is FALSE, else UNKNOWN when it is at some place,
     * else TRUE (none reached is TRUE). The places are those of {@link #resolve(EvalContext,
     * boolean)} and the operator meets them in the same order, but off the egress view none is
     * kept in a list: a rule tests paths with {@code [*]} on every resource it selects, and most
     * reach nothing or little.
     */
    Truth testEach(EvalContext ctx, Operator operator) {
        if (ctx.atResource() && egress || !wildcard) {
            List<Hit> hits = resolve(ctx, false);
            boolean unknown = false;
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                Truth t = operator.test(hit.value(), hit.complete(), ctx.regex());
                if (t == Truth.FALSE) {
                    return t;
                }
                unknown |= t == Truth.UNKNOWN;
            }
            return unknown ? Truth.UNKNOWN : Truth.TRUE;
        }
        int state = testWalk(ctx.atResource() ? ctx.resource().body() : ctx.current(), 0, operator, ctx.regex());
        return state == FALSE_SEEN ? Truth.FALSE : state == UNKNOWN_SEEN ? Truth.UNKNOWN : Truth.TRUE;
    }

    private static final int UNKNOWN_SEEN = 1;
    private static final int FALSE_SEEN = 2;

    /**
     * {@link #walk} without pointers, testing each place as the walk reaches it: {@link
     * #FALSE_SEEN} ends the walk, {@link #UNKNOWN_SEEN} when some place was UNKNOWN, else 0.
     */
    private int testWalk(Value value, int from, Operator operator, RegexBudget budget) {
        Hit h = run(value, "", null, from, false);
        if (h == null) {
            return 0;
        }
        int each = nextEach[from];
        if (each == steps.length || !h.complete()) {
            return seen(operator.test(h.value(), h.complete(), budget));
        }
        Value list = h.value();
        if (list instanceof Value.Arr arr) {
            int state = 0;
            for (int i = 0; i < arr.size(); i++) {
                int s = testWalk(arr.get(i), each + 1, operator, budget);
                if (s == FALSE_SEEN) {
                    return s;
                }
                state |= s;
            }
            return state;
        }
        if (list != null && list != Value.Null.INSTANCE) {
            // Not a list where one is expected: its elements are missing (walk's hit).
            return seen(operator.test(null, true, budget));
        }
        return 0;
    }

    private static int seen(Truth t) {
        return t == Truth.FALSE ? FALSE_SEEN : t == Truth.UNKNOWN ? UNKNOWN_SEEN : 0;
    }

    /** {@link #resolve(EvalContext)} for a path without {@code [*]}, which reaches exactly one place. */
    Hit resolveOne(EvalContext ctx) {
        return resolveOne(ctx, true);
    }

    /** The same, with an empty pointer unless {@code pointers}. */
    Hit resolveOne(EvalContext ctx, boolean pointers) {
        if (wildcard) {
            throw new IllegalStateException("'" + text + "' may reach many places");
        }
        if (ctx.atResource() && egress) {
            EgressView view = viewOf(ctx);
            return onView(view, run(viewValue(view), "", pointers ? egressPointer() : null, 1, pointers), pointers);
        }
        return ctx.atResource() ? oneOnResource(ctx.resource(), pointers) : run(ctx.current(), ctx.base(), null, 0, pointers);
    }

    /**
     * {@code operator} on the one place a path without {@code [*]} reaches, for its truth alone:
     * {@code operator.test} on {@link #resolveOne(EvalContext, boolean) resolveOne(ctx, false)}'s
     * value and completeness, found by the same steps without making the hit. Every rule tests
     * such paths on every resource it selects, and most of them reach nothing.
     */
    Truth testOne(EvalContext ctx, Operator operator) {
        if (wildcard) {
            throw new IllegalStateException("'" + text + "' may reach many places");
        }
        Value start;
        int from;
        EgressView view = null;
        if (!ctx.atResource()) {
            start = ctx.current();
            from = 0;
        } else if (egress) {
            view = viewOf(ctx);
            start = viewValue(view);
            from = 1;
        } else {
            Value own = virtual == null ? null : virtualValue(ctx.resource());
            if (own != null) {
                return operator.test(own, true, ctx.regex());
            }
            start = ctx.resource().body();
            from = 0;
        }
        // run's steps, keeping only the value and whether the whole path was followed.
        Value value = start;
        boolean complete = true;
        for (int at = from; at < steps.length; at++) {
            if (value instanceof Value.Unknown) {
                complete = false;
                break;
            }
            if (steps[at] instanceof Key k) {
                Value.Obj obj = value instanceof Value.Obj o ? o : null;
                Value exact = obj == null ? null : obj.getSpelled(k.name(), k.folded());
                if (exact != null) {
                    value = exact;
                    continue;
                }
                String key = obj == null ? null : obj.otherSpelling(k.name(), k.folded());
                if (key != null) {
                    value = obj.fields().get(key);
                    continue;
                }
                if (obj != null && obj.isOpen()) {
                    value = obj.undeclared(k.name());
                    complete = false;
                } else {
                    value = null;
                }
                break;
            }
            int index = ((Index) steps[at]).index();
            if (value instanceof Value.Arr arr && index < arr.size()) {
                value = arr.get(index);
                continue;
            }
            value = null;
            break;
        }
        if (view != null && value instanceof Value.Unknown) {
            // onView: an Unknown in the view is a fact still undecided.
            complete = false;
        }
        return operator.test(value, complete, ctx.regex());
    }

    /** The egress view of the resource a condition stands on, or null when it has none. */
    private static EgressView viewOf(EvalContext ctx) {
        return EgressModel.of(ctx.graph(), EgressOptions.fromSettings(ctx.settings())).view(ctx.resource());
    }

    /**
     * The pointer of the list a {@code count} counts, where the condition stands: for a path into
     * the egress view, the property of the body the view's key rests on.
     */
    String collectionPointer(EvalContext ctx) {
        if (ctx.atResource() && egress && steps.length > 1 && steps[1] instanceof Key k) {
            EgressView view = viewOf(ctx);
            return view != null ? view.anchor(k.name()) : collectionPointer(ctx.base());
        }
        return collectionPointer(ctx.base());
    }

    /** Whether the path reads the resource's {@code egress} view rather than its body. */
    boolean isEgress() {
        return egress;
    }

    /**
     * Follows a path into the egress view of a node or subnet ({@link EgressModel}); a resource
     * that has none reads it as missing. A hit points at the property of the body the view's key
     * rests on ({@link EgressView#anchor}), so a finding about {@code egress.natGateway} points at
     * the subnet's {@code natGateway.id}.
     */
    private List<Hit> resolveEgress(dev.egressguard.core.model.Resource resource, dev.egressguard.core.model.ResourceGraph graph,
                                    EgressOptions options, boolean pointers) {
        EgressView view = EgressModel.of(graph, options).view(resource);
        // Walked from the view itself, after the egress key (which matches the rule's in any spelling).
        List<Hit> raw = new ArrayList<>();
        walk(viewValue(view), "", pointers ? egressPointer() : null, 1, raw, pointers);
        List<Hit> hits = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            hits.add(onView(view, raw.get(i), pointers));
        }
        return hits;
    }

    /** The view's value; a resource without a view reads as an empty one. */
    private static Value viewValue(EgressView view) {
        return view != null ? view.value() : Value.Obj.EMPTY;
    }

    /** The pointer after the {@code egress} key: null (as spelled) unless the rule spells it otherwise. */
    private String egressPointer() {
        return ((Key) steps[0]).name().equals(EGRESS) ? null : EGRESS_POINTER;
    }

    /** A hit in the view, pointing at what its key rests on in the body (nothing of the body without a view). */
    private Hit onView(EgressView view, Hit h, boolean pointers) {
        if (!pointers) {
            boolean complete = h.complete() && (view == null || !(h.value() instanceof Value.Unknown));
            return complete == h.complete() ? h : new Hit("", h.value(), complete);
        }
        if (view == null) {
            // No node and no subnet: nothing of its body is what the finding is about.
            return new Hit("", h.value(), h.complete());
        }
        String pointer = h.pointer();
        String anchor = pointer.length() > EGRESS_POINTER.length()
                ? view.anchor(viewKey(pointer)) : view.decisivePointer();
        // An Unknown in the view is a fact still undecided, not a value that exists unknown.
        return new Hit(anchor, h.value(), h.complete() && !(h.value() instanceof Value.Unknown));
    }

    /** The view's key a hit's pointer ({@code /egress/<key>...}) passes, without a copy when spelled as the rule does. */
    private String viewKey(String pointer) {
        int start = EGRESS_POINTER.length() + 1;
        int end = pointer.indexOf('/', start);
        end = end < 0 ? pointer.length() : end;
        if (steps.length > 1 && steps[1] instanceof Key k && end - start == k.escaped().length()
                && pointer.startsWith(k.escaped(), start)) {
            return k.name();
        }
        return JsonPointers.unescape(pointer.substring(start, end));
    }

    /**
     * Follows the path on a resource: the single-segment paths {@code id}, {@code name},
     * {@code type} and {@code apiVersion} read the resource itself, so they work for live and
     * template resources alike (a resource without an API version falls back to its body).
     * A name (and so an id) that holds a term ({@code [parameters('subnetName')]}) is the
     * symbolic value it stands for, never its bracket text: only the deployment knows it.
     */
    public List<Hit> resolveOnResource(dev.egressguard.core.model.Resource resource) {
        return wildcard ? resolve(resource.body(), "") : List.of(oneOnResource(resource, true));
    }

    private Hit oneOnResource(dev.egressguard.core.model.Resource resource, boolean pointers) {
        Value own = virtual == null ? null : virtualValue(resource);
        if (own != null) {
            return new Hit(pointers ? virtualPointer : "", own, true);
        }
        return run(resource.body(), "", null, 0, pointers);
    }

    /** What a one-key path {@code id}, {@code name}, {@code type} or {@code apiVersion} reads of the resource itself; null to read its body. */
    private Value virtualValue(dev.egressguard.core.model.Resource resource) {
        String v = switch (virtual) {
            case ID -> resource.id().toString();
            case NAME -> resource.name();
            case TYPE -> resource.type();
            case API_VERSION -> resource.apiVersion();
        };
        if (v == null) {
            return null;
        }
        return virtual == Virtual.ID || virtual == Virtual.NAME ? ConditionValues.symbolicText(v,
                EvalContext.describe(resource) + " is named from a value only the deployment knows")
                : Value.of(v);
    }

    /**
     * Follows the path from position {@code from} (after a {@code [*]}, or the start), every
     * element of each {@code [*]} in turn. {@code prefix} is the pointer at {@code from};
     * {@code pointer} the pointer there when it is not {@code prefix} + {@link #spelled}.
     */
    private void walk(Value value, String prefix, String pointer, int from, List<Hit> out, boolean pointers) {
        Hit h = run(value, prefix, pointer, from, pointers);
        int each = nextEach[from];
        if (h == null) {
            return;
        }
        if (each == steps.length || !h.complete()) {
            out.add(h);
            return;
        }
        Value list = h.value();
        if (list instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                walk(arr.get(i), pointers ? h.pointer() + "/" + i : "", null, each + 1, out, pointers);
            }
        } else if (list != null && list != Value.Null.INSTANCE) {
            // Something that is not a list where the path expects one: the elements are missing.
            out.add(new Hit(h.pointer(), null, true));
        }
        // A missing or null list has no elements: [*] over it yields nothing.
    }

    /**
     * Follows the segments from {@code from} up to the next {@code [*]} (or the end). Returns the
     * hit where the path ends or stops (an Unknown, an undeclared key of an open object, a
     * missing property); before a {@code [*]}, a complete hit holds the list's value and
     * pointer, and null means the list is missing (so it has no elements). Without
     * {@code pointers}, pointers are empty and none is built ({@code startPointer} must be null).
     */
    private Hit run(Value start, String prefix, String startPointer, int from, boolean pointers) {
        int to = nextEach[from];
        Value value = start;
        // null while every key so far is spelled as the rule spells it: the pointer is then
        // prefix + spelled[at], a text made when the path was parsed.
        String pointer = startPointer;
        for (int at = from; ; at++) {
            if (at == steps.length) {
                return new Hit(pointers ? pointer(prefix, pointer, at) : "", value, true);
            }
            if (value instanceof Value.Unknown) {
                return new Hit(pointers ? pointer(prefix, pointer, at) : "", value, false);
            }
            if (at == to) {
                return new Hit(pointers ? pointer(prefix, pointer, at) : "", value, true);
            }
            Segment s = steps[at];
            if (s instanceof Key k) {
                Value.Obj obj = value instanceof Value.Obj o ? o : null;
                // Templates mostly spell keys as the rules do: one hash lookup, and a scan only when not.
                Value exact = obj == null ? null : obj.getSpelled(k.name(), k.folded());
                if (exact != null) {
                    value = exact;
                    pointer = pointer == null ? null : pointer + "/" + k.escaped();
                    continue;
                }
                // Missed as spelled: only another spelling can be there.
                String key = obj == null ? null : obj.otherSpelling(k.name(), k.folded());
                if (key != null) {
                    value = obj.fields().get(key);
                    // Spelled otherwise than the rule spells it: the pointer is written out from here on.
                    pointer = !pointers ? pointer : pointer(prefix, pointer, at) + "/" + JsonPointers.escape(key);
                    continue;
                }
                if (obj != null && obj.isOpen()) {
                    // Runtime state: a property it does not declare may exist, with any value.
                    return new Hit(pointers ? pointer(prefix, pointer, at) + "/" + k.escaped() : "", obj.undeclared(k.name()), false);
                }
                return missing(prefix, pointer, at, pointers);
            }
            int index = ((Index) s).index();
            if (value instanceof Value.Arr arr && index < arr.size()) {
                value = arr.get(index);
                pointer = pointer == null ? null : pointer + "/" + index;
                continue;
            }
            return missing(prefix, pointer, at, pointers);
        }
    }

    /** A missing property; when a [*] follows, the list is missing and has no elements (null). */
    private Hit missing(String prefix, String pointer, int at, boolean pointers) {
        int to = nextEach[at];
        if (to < steps.length) {
            return null;
        }
        if (!pointers) {
            return new Hit("", null, true);
        }
        // The pointer the rest of the path would have had, for locating and messages.
        return new Hit(pointer == null ? pointer(prefix, null, to) : pointer + rest[at], null, true);
    }

    /** The pointer at position {@code at} of a run: {@code pointer}, or prefix + the run's segments as spelled. */
    private String pointer(String prefix, String pointer, int at) {
        if (pointer != null) {
            return pointer;
        }
        String suffix = spelled[at];
        return prefix.isEmpty() ? suffix : suffix.isEmpty() ? prefix : prefix + suffix;
    }

    // Called for every evaluated property: a loop, not a regex (the benchmark's top hot spot).
    /** A JSON pointer as a person reads it ({@link JsonPointers#dotted}). */
    static String dotted(String pointer) {
        return JsonPointers.dotted(pointer);
    }

    @Override
    public String toString() {
        return text;
    }
}
