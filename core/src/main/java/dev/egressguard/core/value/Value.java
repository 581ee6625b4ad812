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
            fields = fields instanceof Adopted adopted ? Collections.unmodifiableMap(adopted.map)
                    : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
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
            private LinkedHashMap<String, Value> fields = new LinkedHashMap<>();
            private Unknown rest;

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
         * A builder's map, handed over: only {@link Builder#build} makes one. Lookups go to the
         * map itself: {@code AbstractMap} alone answers {@code get} and {@code containsKey} by
         * walking every entry, and every property a rule or an expression reads is such a lookup.
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

            @Override
            public java.util.Set<String> keySet() {
                return map.keySet();
            }

            @Override
            public java.util.Collection<Value> values() {
                return map.values();
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
            public int size() {
                return map.size();
            }

            @Override
            public void forEach(java.util.function.BiConsumer<? super String, ? super Value> action) {
                map.forEach(action);
            }
        }

        /** The value under {@code key} in any casing, or {@code null} when absent. */
        public Value get(String key) {
            Value exact = fields.get(key);
            if (exact != null || fields.containsKey(key)) {
                return exact;
            }
            // Rules and expressions often ask for a property an object does not have: each such
            // miss compares every key, so only keys of the same length are compared, and without
            // the entry wrappers an unmodifiable map's entry set makes.
            for (String k : fields.keySet()) {
                if (k.length() == key.length() && k.equalsIgnoreCase(key)) {
                    return fields.get(k);
                }
            }
            return null;
        }

        public boolean has(String key) {
            return keyOf(key) != null;
        }

        /** The key as spelled in this object that matches {@code key} in any casing, or null. */
        public String keyOf(String key) {
            if (fields.containsKey(key)) {
                return key;
            }
            for (String k : fields.keySet()) {
                if (k.length() == key.length() && k.equalsIgnoreCase(key)) {
                    return k;
                }
            }
            return null;
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
