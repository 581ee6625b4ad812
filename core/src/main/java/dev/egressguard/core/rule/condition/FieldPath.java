package dev.egressguard.core.rule.condition;

import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.egress.EgressOptions;
import dev.egressguard.core.egress.EgressView;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.JsonPointers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    public record Key(String name) implements Segment {
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

    private final String text;
    private final List<Segment> segments;
    /** The pointer of the part before the first {@code [*]}: asked for on every evaluation, so made once. */
    private final String collectionSuffix;

    private FieldPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        StringBuilder sb = new StringBuilder();
        for (Segment s : this.segments) {
            if (s instanceof Each) {
                break;
            }
            sb.append('/').append(s instanceof Key k ? JsonPointers.escape(k.name()) : String.valueOf(((Index) s).index()));
        }
        this.collectionSuffix = sb.toString();
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
        return segments.stream().anyMatch(s -> s instanceof Each);
    }

    /** The JSON pointer of the part before the first {@code [*]}, relative to {@code base}. */
    public String collectionPointer(String base) {
        return base.isEmpty() ? collectionSuffix : base + collectionSuffix;
    }

    /** Follows the path from {@code start} (whose pointer is {@code base}). */
    public List<Hit> resolve(Value start, String base) {
        List<Hit> out = new ArrayList<>();
        walk(start, base, 0, out);
        return out;
    }

    /**
     * Follows the path where a condition stands: on the resource ({@link #resolveOnResource}), or
     * from the element a {@code count} is at.
     */
    List<Hit> resolve(EvalContext ctx) {
        if (ctx.atResource() && isEgress()) {
            return resolveEgress(ctx.resource(), ctx.graph(), EgressOptions.fromSettings(ctx.settings()));
        }
        return ctx.atResource() ? resolveOnResource(ctx.resource()) : resolve(ctx.current(), ctx.base());
    }

    /**
     * The pointer of the list a {@code count} counts, where the condition stands: for a path into
     * the egress view, the property of the body the view's key rests on.
     */
    String collectionPointer(EvalContext ctx) {
        if (ctx.atResource() && isEgress() && segments.size() > 1 && segments.get(1) instanceof Key k) {
            return EgressModel.of(ctx.graph(), EgressOptions.fromSettings(ctx.settings())).viewOf(ctx.resource())
                    .map(v -> v.anchor(k.name()))
                    .orElse(collectionPointer(ctx.base()));
        }
        return collectionPointer(ctx.base());
    }

    /** Whether the path reads the resource's {@code egress} view rather than its body. */
    boolean isEgress() {
        return segments.get(0) instanceof Key k && k.name().equalsIgnoreCase(EGRESS);
    }

    /**
     * Follows a path into the egress view of a node or subnet ({@link EgressModel}); a resource
     * that has none reads it as missing. A hit points at the property of the body the view's key
     * rests on ({@link EgressView#anchor}), so a finding about {@code egress.natGateway} points at
     * the subnet's {@code natGateway.id}.
     */
    private List<Hit> resolveEgress(dev.egressguard.core.model.Resource resource, dev.egressguard.core.model.ResourceGraph graph,
                                    EgressOptions options) {
        Optional<EgressView> view = EgressModel.of(graph, options).viewOf(resource);
        List<Hit> raw = new ArrayList<>();
        walk(new Value.Obj(java.util.Map.of(EGRESS, view.map(EgressView::value).orElse(Value.Obj.EMPTY))), "", 0, raw);
        if (view.isEmpty()) {
            // No node and no subnet: nothing of its body is what the finding is about.
            return raw.stream().map(h -> new Hit("", h.value(), h.complete())).toList();
        }
        List<Hit> hits = new ArrayList<>(raw.size());
        for (Hit h : raw) {
            String[] parts = h.pointer().split("/", 4);
            String anchor = parts.length > 2 ? view.get().anchor(JsonPointers.unescape(parts[2])) : view.get().decisivePointer();
            // An Unknown in the view is a fact still undecided, not a value that exists unknown.
            hits.add(new Hit(anchor, h.value(), h.complete() && !(h.value() instanceof Value.Unknown)));
        }
        return hits;
    }

    /**
     * Follows the path on a resource: the single-segment paths {@code id}, {@code name},
     * {@code type} and {@code apiVersion} read the resource itself, so they work for live and
     * template resources alike (a resource without an API version falls back to its body).
     * A name (and so an id) that holds a term ({@code [parameters('subnetName')]}) is the
     * symbolic value it stands for, never its bracket text: only the deployment knows it.
     */
    public List<Hit> resolveOnResource(dev.egressguard.core.model.Resource resource) {
        Optional<String> virtual = virtualField();
        if (virtual.isPresent()) {
            String v = switch (virtual.get()) {
                case "id" -> resource.id().toString();
                case "name" -> resource.name();
                case "type" -> resource.type();
                default -> resource.apiVersion();
            };
            if (v != null) {
                String key = virtual.get().equals("apiversion") ? "apiVersion" : virtual.get();
                Value value = key.equals("id") || key.equals("name") ? ConditionValues.symbolicText(v,
                        EvalContext.describe(resource) + " is named from a value only the deployment knows")
                        : Value.of(v);
                return List.of(new Hit("/" + key, value, true));
            }
        }
        return resolve(resource.body(), "");
    }

    private Optional<String> virtualField() {
        if (segments.size() == 1 && segments.get(0) instanceof Key k
                && VIRTUAL.contains(k.name().toLowerCase(Locale.ROOT))) {
            return Optional.of(k.name().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private void walk(Value value, String pointer, int at, List<Hit> out) {
        if (at == segments.size()) {
            out.add(new Hit(pointer, value, true));
            return;
        }
        if (value instanceof Value.Unknown) {
            out.add(new Hit(pointer, value, false));
            return;
        }
        Segment s = segments.get(at);
        if (s instanceof Key k) {
            Value.Obj obj = value instanceof Value.Obj o ? o : null;
            // Templates mostly spell keys as the rules do: one hash lookup, and a scan only when not.
            Value exact = obj == null ? null : obj.fields().get(k.name());
            String key = exact != null ? k.name() : obj == null ? null : obj.keyOf(k.name());
            if (key != null) {
                walk(exact != null ? exact : obj.fields().get(key), pointer + "/" + JsonPointers.escape(key), at + 1, out);
            } else if (obj != null && obj.isOpen()) {
                // Runtime state: a property it does not declare may exist, with any value.
                out.add(new Hit(pointer + "/" + JsonPointers.escape(k.name()), obj.undeclared(k.name()), false));
            } else {
                missing(pointer, at, out);
            }
        } else if (s instanceof Index idx) {
            if (value instanceof Value.Arr arr && idx.index() < arr.size()) {
                walk(arr.get(idx.index()), pointer + "/" + idx.index(), at + 1, out);
            } else {
                missing(pointer, at, out);
            }
        } else if (value instanceof Value.Arr arr) {
            for (int i = 0; i < arr.size(); i++) {
                walk(arr.get(i), pointer + "/" + i, at + 1, out);
            }
        } else if (value != null && value != Value.Null.INSTANCE) {
            // Something that is not a list where the path expects one: the elements are missing.
            out.add(new Hit(intendedPointer(pointer, at), null, true));
        }
        // A missing or null list has no elements: [*] over it yields nothing.
    }

    /** A missing property; when a [*] follows, the list is missing and has no elements. */
    private void missing(String pointer, int at, List<Hit> out) {
        for (int i = at; i < segments.size(); i++) {
            if (segments.get(i) instanceof Each) {
                return;
            }
        }
        out.add(new Hit(intendedPointer(pointer, at), null, true));
    }

    /** The pointer the rest of the path would have had, up to its first [*], for locating and messages. */
    private String intendedPointer(String pointer, int from) {
        StringBuilder sb = new StringBuilder(pointer);
        for (int i = from; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s instanceof Each) {
                break;
            }
            sb.append('/').append(s instanceof Key k ? JsonPointers.escape(k.name()) : String.valueOf(((Index) s).index()));
        }
        return sb.toString();
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
