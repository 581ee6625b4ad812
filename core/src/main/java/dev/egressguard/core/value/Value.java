package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value as ARM sees it, plus {@link Unknown}: what cannot be known before deployment
 * ({@code reference()}, {@code list*()}, a parameter without value). Unknown is a value, not an
 * exception, so it flows through functions and ends up in a finding with its reason.
 *
 * <p>Object keys keep their original spelling but are looked up case-insensitively, as ARM does.
 */
public sealed interface Value {

    /** The name ARM uses in error messages and {@code type}-checks: String, Int, Bool, ... */
    String typeName();

    default boolean isUnknown() {
        return this instanceof Unknown;
    }

    static Value of(String s) {
        return new Str(s);
    }

    static Value of(long i) {
        return new Int(i);
    }

    static Value of(boolean b) {
        return b ? Bool.TRUE : Bool.FALSE;
    }

    static Value unknown(String reason, SourceLocation at) {
        return new Unknown(reason, at);
    }

    record Str(String value) implements Value {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "String";
        }
    }

    /** ARM integers are 64-bit. */
    record Int(long value) implements Value {
        @Override
        public String typeName() {
            return "Int";
        }
    }

    /** A JSON number with a fraction or exponent; expressions cannot make one, literals can hold one. */
    record Num(BigDecimal value) implements Value {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "Number";
        }
    }

    record Bool(boolean value) implements Value {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        @Override
        public String typeName() {
            return "Bool";
        }
    }

    enum Null implements Value {
        INSTANCE;

        @Override
        public String typeName() {
            return "Null";
        }
    }

    record Arr(List<Value> items) implements Value {
        public static final Arr EMPTY = new Arr(List.of());

        public Arr {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        public static Arr of(Value... items) {
            return new Arr(List.of(items));
        }

        public int size() {
            return items.size();
        }

        public Value get(int index) {
            return items.get(index);
        }

        @Override
        public String typeName() {
            return "Array";
        }
    }

    /**
     * A JSON object. Keys keep insertion order and spelling; {@link #get(String)} matches them
     * case-insensitively because ARM property names are case-insensitive.
     */
    record Obj(Map<String, Value> fields, Unknown rest) implements Value {
        public static final Obj EMPTY = new Obj(Map.of());

        /**
         * {@code rest} null: a closed object, exactly its fields (what a template writes). Not
         * null: an <em>open</em> object, read back from runtime state ({@code reference()}):
         * Azure may have added properties the template does not declare, so a property that is
         * not among the fields is unknown ({@link #undeclared}), never absent.
         */
        public Obj {
            // Another object's fields are read-only already: shared, not copied (opened() does this).
            fields = fields instanceof Adopted adopted ? new Fields(adopted.map)
                    : fields instanceof Fields own ? own : new Fields(new LinkedHashMap<>(fields));
        }

        public Obj(Map<String, Value> fields) {
            this(fields, null);
        }

        /** Whether properties beyond the fields may exist (runtime state). */
        public boolean isOpen() {
            return rest != null;
        }

        /** The same fields, open: undeclared properties read as Unknown with {@code rest}'s reason. */
        public Obj opened(Unknown rest) {
            return new Obj(fields, Objects.requireNonNull(rest, "rest"));
        }

        /**
         * What reading {@code key}, which this open object does not hold, gives: an Unknown that
         * names the property and why only the deployment knows it.
         */
        public Unknown undeclared(String key) {
            return new Unknown("'" + key + "' is not declared in " + rest.reason() + "; only the deployment knows it",
                    rest.at());
        }

        /**
         * The value of {@code key} as an expression reads it: the field in any casing, the
         * {@link #undeclared} Unknown for a missing key of an open object, or null (absent).
         */
        public Value read(String key) {
            Value v = get(key);
            return v != null || rest == null ? v : undeclared(key);
        }

        /**
         * Builds an object whose fields become the object's without a copy: loaders and the
         * evaluator make an object per JSON object, and copying each once more doubled their
         * garbage. The builder lets go of the map when it builds, so nothing can change it after.
         */
        public static final class Builder {
            private LinkedHashMap<String, Value> fields;
            private Unknown rest;

            public Builder() {
                fields = new LinkedHashMap<>();
            }

            /**
             * A builder for about {@code expectedSize} fields: a copy of a known object (a child
             * given its parent's API version) grows its map once, not every time it fills up, and
             * a small one takes no more table than it needs.
             */
            public Builder(int expectedSize) {
                fields = new LinkedHashMap<>(Math.max(2, (int) Math.ceil(Math.max(0, expectedSize) / 0.75)));
            }

            public Builder put(String key, Value value) {
                open().put(key, value);
                return this;
            }

            /** Drops {@code key} in any casing (a later duplicate replaces an earlier one). */
            public Builder removeIgnoringCase(String key) {
                open().keySet().removeIf(k -> k.equalsIgnoreCase(key));
                return this;
            }

            /** Makes the object open ({@link Obj#isOpen}). */
            public Builder rest(Unknown rest) {
                this.rest = rest;
                return this;
            }

            public Obj build() {
                Obj obj = new Obj(new Adopted(open()), rest);
                fields = null;
                return obj;
            }

            private LinkedHashMap<String, Value> open() {
                if (fields == null) {
                    throw new IllegalStateException("this builder has built its object; start a new one");
                }
                return fields;
            }
        }

        /**
         * A builder's map, handed over: only {@link Builder#build} makes one, and the object's
         * {@link Fields} takes the map itself.
         */
        private static final class Adopted extends java.util.AbstractMap<String, Value> {
            private final LinkedHashMap<String, Value> map;

            private Adopted(LinkedHashMap<String, Value> map) {
                this.map = map;
            }

            @Override
            public java.util.Set<Map.Entry<String, Value>> entrySet() {
                return map.entrySet();
            }
        }

        /**
         * An object's fields: read-only (no entry, key or value can be changed through it), in
         * their order. A key spelled as asked is one hash lookup ({@code AbstractMap} alone would
         * walk every entry). A key asked in another casing, or not there at all (rules and
         * expressions ask objects for many properties they do not have), is first checked
         * against a summary of the keys' {@link #foldedHash}es, made on the first such question:
         * a key whose folded hash no key shares is absent in every casing, without a scan. The
         * summary is one long, not an index, because every JSON object of every template has one.
         */
        private static final class Fields extends java.util.AbstractMap<String, Value> {
            /** Set in a made summary, so that 0 means "never asked" and {@link #ONCE} "asked once". */
            private static final long MADE = 1L << 63;
            private static final long ONCE = 1L;

            private final LinkedHashMap<String, Value> map;
            private Map<String, Value> view;
            /**
             * Bit (folded hash mod 63) of each key, and {@link #MADE}; before that 0, then
             * {@link #ONCE} after a first miss, which scans: many objects are asked for one
             * missing key only (a template's metadata), and folding every key would cost them
             * more than the scan. Idempotent, so racing threads agree.
             */
            private volatile long summary;

            private Fields(LinkedHashMap<String, Value> map) {
                this.map = map;
            }

            /**
             * The key other than {@code key} itself that equals it ignoring case, or null;
             * {@code foldedHash} is key's when {@code folded}, else worked out if needed.
             */
            String otherCasing(String key, int foldedHash, boolean folded) {
                long s = summary;
                if (s == 0) {
                    summary = ONCE;
                    return scan(key);
                }
                if (s == ONCE) {
                    s = MADE;
                    for (String k : map.keySet()) {
                        s |= bit(foldedHash(k));
                    }
                    summary = s;
                }
                if ((s & bit(folded ? foldedHash : foldedHash(key))) == 0) {
                    return null;
                }
                return scan(key);
            }

            private String scan(String key) {
                // Only keys of the same length can be equal ignoring case.
                for (String k : map.keySet()) {
                    if (k.length() == key.length() && k.equalsIgnoreCase(key)) {
                        return k;
                    }
                }
                return null;
            }

            private static long bit(int foldedHash) {
                return 1L << Math.floorMod(foldedHash * 0x9E3779B9, 63);
            }

            @Override
            public Value get(Object key) {
                return map.get(key);
            }

            @Override
            public boolean containsKey(Object key) {
                return map.containsKey(key);
            }

            @Override
            public boolean containsValue(Object value) {
                return map.containsValue(value);
            }

            @Override
            public int size() {
                return map.size();
            }

            @Override
            public boolean isEmpty() {
                return map.isEmpty();
            }

            @Override
            public void forEach(java.util.function.BiConsumer<? super String, ? super Value> action) {
                map.forEach(action);
            }

            // Iteration goes through Collections.unmodifiableMap, made when first needed: its
            // entries cannot be changed, and it keeps its views.
            @Override
            public java.util.Set<Map.Entry<String, Value>> entrySet() {
                return view().entrySet();
            }

            @Override
            public java.util.Set<String> keySet() {
                return view().keySet();
            }

            @Override
            public java.util.Collection<Value> values() {
                return view().values();
            }

            private Map<String, Value> view() {
                Map<String, Value> v = view;
                if (v == null) {
                    // A race makes two equal views; either will do.
                    v = Collections.unmodifiableMap(map);
                    view = v;
                }
                return v;
            }

            @Override
            public boolean equals(Object o) {
                return o == this || map.equals(o);
            }

            @Override
            public int hashCode() {
                return map.hashCode();
            }

            @Override
            public String toString() {
                return map.toString();
            }

            @Override
            public Value put(String key, Value value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value remove(Object key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void putAll(Map<? extends String, ? extends Value> m) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void clear() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void replaceAll(java.util.function.BiFunction<? super String, ? super Value, ? extends Value> f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value putIfAbsent(String key, Value value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean remove(Object key, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean replace(String key, Value oldValue, Value newValue) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value replace(String key, Value value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value computeIfAbsent(String key, java.util.function.Function<? super String, ? extends Value> f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value computeIfPresent(String key,
                                          java.util.function.BiFunction<? super String, ? super Value, ? extends Value> f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value compute(String key, java.util.function.BiFunction<? super String, ? super Value, ? extends Value> f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Value merge(String key, Value value,
                               java.util.function.BiFunction<? super Value, ? super Value, ? extends Value> f) {
                throw new UnsupportedOperationException();
            }
        }

        /** The value under {@code key} in any casing, or {@code null} when absent. */
        public Value get(String key) {
            Value exact = fields.get(key);
            if (exact != null) {
                return exact;
            }
            // Not there as spelled (values are never null): no second lookup of the same spelling.
            String k = ((Fields) fields).otherCasing(key, 0, false);
            return k == null ? null : fields.get(k);
        }

        public boolean has(String key) {
            return keyOf(key) != null;
        }

        /** The key as spelled in this object that matches {@code key} in any casing, or null. */
        public String keyOf(String key) {
            if (fields.containsKey(key)) {
                return key;
            }
            return ((Fields) fields).otherCasing(key, 0, false);
        }

        /**
         * {@link #keyOf(String)} with the key's {@link #foldedHash} worked out beforehand: a rule
         * asks every object it reads for the same few keys, so it folds them once.
         */
        public String keyOf(String key, int foldedHash) {
            if (fields.containsKey(key)) {
                return key;
            }
            return ((Fields) fields).otherCasing(key, foldedHash, true);
        }

        /**
         * The key spelled otherwise than {@code key} that matches it ignoring case, or null, for
         * a caller that has already looked {@code key} up as spelled and missed: a path asks
         * most objects for keys they lack, and {@link #keyOf(String, int)} would look the same
         * spelling up a second time. {@code foldedHash} is key's {@link #foldedHash}.
         */
        public String otherSpelling(String key, int foldedHash) {
            return ((Fields) fields).otherCasing(key, foldedHash, true);
        }

        /**
         * A hash of {@code key} that every spelling {@link String#equalsIgnoreCase} accepts shares:
         * each code point upper-cased then lower-cased, as that comparison does.
         */
        public static int foldedHash(String key) {
            int h = key.length();
            for (int i = 0; i < key.length(); ) {
                int c = key.charAt(i);
                if (c < 0x80) {
                    // ASCII, nearly every key: only A-Z change.
                    h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
                    i++;
                } else {
                    c = key.codePointAt(i);
                    h = 31 * h + Character.toLowerCase(Character.toUpperCase(c));
                    i += Character.charCount(c);
                }
            }
            return h;
        }

        /** A copy with {@code key} set (replacing any key of the same name in another casing). */
        public Obj with(String key, Value value) {
            LinkedHashMap<String, Value> copy = new LinkedHashMap<>(fields);
            String existing = keyOf(key);
            if (existing != null && !existing.equals(key)) {
                copy.remove(existing);
            }
            copy.put(existing != null ? existing : key, value);
            return new Obj(copy, rest);
        }

        @Override
        public String typeName() {
            return "Object";
        }
    }

    /**
     * What only a deployment can know. {@code reason} is written for a person ("depends on
     * reference('vnet').outputs.subnetId"), {@code at} is where the unknowable expression stands.
     */
    record Unknown(String reason, SourceLocation at, Symbol symbol) implements Value {
        /**
         * {@code symbol}: what the value is made of when the template decides it (a parameter
         * without value, expressions over it), else null. Two Unknowns with equal symbols are
         * the same value; see {@link Symbol}.
         */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            at = at == null ? SourceLocation.NONE : at;
            symbol = symbol == null || !symbol.hasTerm() ? null : symbol;
        }

        public Unknown(String reason, SourceLocation at) {
            this(reason, at, null);
        }

        /** Whether this value and {@code other} are known to be the same value: equal symbols. */
        public boolean sameValueAs(Value other) {
            return symbol != null && other instanceof Unknown u && symbol.equals(u.symbol);
        }

        /** The same unknown value, said with another reason and place. */
        public Unknown because(String newReason, SourceLocation newAt) {
            return new Unknown(newReason, newAt, symbol);
        }

        /** The reason with its place, for messages: "reference('vnet') at main.json:88:7". */
        public String describe() {
            return at.isKnown() ? reason + " at " + at : reason;
        }

        @Override
        public String typeName() {
            return "Unknown";
        }
    }
}
