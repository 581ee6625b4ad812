package dev.egressguard.core.value;

import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;
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

    /** An Int; the small ones (copy indexes, counts) are shared instances, as values are immutable. */
    static Value of(long i) {
        return i >= 0 && i < Int.SHARED.length ? Int.SHARED[(int) i] : new Int(i);
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
        /** 0 to 255, made once: copyIndex() makes one per copy and reference to it. */
        private static final Int[] SHARED = new Int[256];

        static {
            for (int i = 0; i < SHARED.length; i++) {
                SHARED[i] = new Int(i);
            }
        }

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

        // Written out, as a record's own would be: the generated ones link through
        // ObjectMethods.bootstrap at their first call, and the first such call of a run (a rule
        // comparing values) spins most of the method-handle classes a cold verify still made,
        // which no class-data sharing archive of Java 17 keeps (docs/performance.md, session 6).
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Bool other && other.value == value;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value);
        }

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
            // A builder's (or another array's) items are read-only already: shared, not copied.
            items = items instanceof Items own ? own : Items.copyOf(items);
        }

        /**
         * Builds an array whose items become the array's without a copy: the loader and the
         * evaluator make an array per JSON array, and copying each once more (into a list and a
         * read-only view of it) doubled their garbage. The builder lets go of its items when it
         * builds, so nothing can change them after.
         */
        public static final class Builder {
            private Value[] items;
            private int size;

            /** A builder for about {@code expected} items (more are fine). */
            public Builder(int expected) {
                items = new Value[Math.max(expected, 0)];
            }

            public Builder add(Value item) {
                if (items == null) {
                    throw new IllegalStateException("this builder has built its array; start a new one");
                }
                if (size == items.length) {
                    items = java.util.Arrays.copyOf(items, Math.max(4, size * 2));
                }
                items[size++] = item;
                return this;
            }

            public Arr build() {
                if (items == null) {
                    throw new IllegalStateException("this builder has built its array; start a new one");
                }
                Value[] own = items.length - size > 4 ? java.util.Arrays.copyOf(items, size) : items;
                Arr arr = new Arr(new Items(own, size));
                items = null;
                return arr;
            }
        }

        /** An array's items: read-only, in order, over one array of exactly the items handed over. */
        private static final class Items extends java.util.AbstractList<Value> implements java.util.RandomAccess {
            private final Value[] items;
            private final int size;

            private Items(Value[] items, int size) {
                this.items = items;
                this.size = size;
            }

            static Items copyOf(java.util.Collection<? extends Value> items) {
                Value[] copy = items.toArray(new Value[0]);
                return new Items(copy, copy.length);
            }

            @Override
            public Value get(int index) {
                Objects.checkIndex(index, size);
                return items[index];
            }

            @Override
            public int size() {
                return size;
            }
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
            // Another object's (or a builder's) fields are read-only already: shared, not copied.
            fields = fields instanceof Fields own ? own : Fields.copyOf(fields);
        }

        public Obj(Map<String, Value> fields) {
            this(fields, null);
        }

        /**
         * False only when nothing in this object, at any depth, is an {@link Unknown}, an open
         * object, or a string that may be a resource id (after leading whitespace a '/', with a
         * {@code subscriptions} or {@code providers} segment in any casing): a reader looking
         * for ids can pass such an object by (the resource graph's walk over every body). True
         * when there may be one; worked out when the object is built, looking into at most a few
         * dozen array elements per field. An open object's own undeclared properties are not
         * counted: ask {@link #isOpen} too.
         */
        public boolean mayHoldIdOrUnknown() {
            return ((Fields) fields).mayHoldIdOrUnknown;
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
         * garbage. Putting a key that is there (spelled the same) replaces its value in place, as
         * a map does. The builder lets go of its fields when it builds, so nothing can change them after.
         */
        public static final class Builder {
            private Fields.Growing fields;
            private Unknown rest;

            public Builder() {
                this(4);
            }

            /** A builder for about {@code expected} fields (more are fine). */
            public Builder(int expected) {
                fields = new Fields.Growing(expected);
            }

            public Builder put(String key, Value value) {
                open().put(key, value);
                return this;
            }

            /**
             * {@link #put} of a key the caller knows is not there in any spelling (a loader that
             * looked for duplicates already): appended without comparing it with every key before it.
             */
            public Builder putNew(String key, Value value) {
                open().append(key, value);
                return this;
            }

            /** Drops {@code key} in any casing (a later duplicate replaces an earlier one). */
            public Builder removeIgnoringCase(String key) {
                open().removeIgnoringCase(key);
                return this;
            }

            /** Makes the object open ({@link Obj#isOpen}). */
            public Builder rest(Unknown rest) {
                this.rest = rest;
                return this;
            }

            public Obj build() {
                Obj obj = new Obj(open().done(), rest);
                fields = null;
                return obj;
            }

            private Fields.Growing open() {
                if (fields == null) {
                    throw new IllegalStateException("this builder has built its object; start a new one");
                }
                return fields;
            }
        }

        /**
         * An object's fields: read-only (no entry, key or value can be changed through it), in
         * their order. Nearly every JSON object has a handful of members, so the fields are one
         * array of entries, searched in place up to {@link #SMALL} and through an open-addressing
         * index of positions beyond: a third of the memory of a linked hash map, and iterating
         * them hands out the entries themselves. A key asked in another casing, or not there at
         * all (rules and expressions ask objects for many properties they do not have), is first
         * checked against a summary of the keys' {@link #foldedHash}es, made on the first such
         * question: a key whose folded hash no key shares is absent in every casing, without a
         * scan. The summary is one long, not an index, because every JSON object of every
         * template has one.
         */
        private static final class Fields extends java.util.AbstractMap<String, Value> {
            /** Up to this many fields a lookup is a scan, beyond it an index. */
            static final int SMALL = 8;
            /** Set in a made summary, so that 0 means "never asked" and {@link #ONCE} "asked once". */
            private static final long MADE = 1L << 63;
            private static final long ONCE = 1L;
            @SuppressWarnings("unchecked")
            private static final Map.Entry<String, Value>[] NONE = new Map.Entry[0];

            private final Map.Entry<String, Value>[] entries;
            private final int size;
            /** Past {@link #SMALL}: slot by the key's hash to position + 1 (0: empty); else null. */
            private final int[] index;
            private java.util.Set<Map.Entry<String, Value>> entrySet;
            private java.util.Set<String> keySet;
            private java.util.Collection<Value> values;
            /**
             * Bit (folded hash mod 63) of each key, and {@link #MADE}; before that 0, then
             * {@link #ONCE} after a first miss, which scans: many objects are asked for one
             * missing key only (a template's metadata), and folding every key would cost them
             * more than the scan. Idempotent, so racing threads agree.
             */
            private volatile long summary;

            private Fields(Map.Entry<String, Value>[] entries, int size) {
                this.entries = entries;
                this.size = size;
                this.index = size > SMALL ? indexOf(entries, size) : null;
                this.mayHoldIdOrUnknown = anyIdOrUnknown(entries, size);
            }

            /** See {@link Obj#mayHoldIdOrUnknown}: made once, when the fields are. */
            private final boolean mayHoldIdOrUnknown;

            /** Elements of arrays looked into for one field before it is taken to hold one: a bound for huge lists. */
            private static final int ARRAY_ELEMENTS_LOOKED_AT = 64;

            private static boolean anyIdOrUnknown(Map.Entry<String, Value>[] entries, int size) {
                for (int i = 0; i < size; i++) {
                    Value v = entries[i].getValue();
                    if (v instanceof Arr a ? elementsLeft(a, ARRAY_ELEMENTS_LOOKED_AT) < 0 : mayHold(v)) {
                        return true;
                    }
                }
                return false;
            }

            /** Whether a string, an object or an Unknown is or may hold a resource id or an Unknown; an array is asked of its elements. */
            private static boolean mayHold(Value v) {
                if (v instanceof Str s) {
                    return mayBeResourceId(s.value());
                }
                if (v instanceof Obj o) {
                    return o.isOpen() || ((Fields) o.fields).mayHoldIdOrUnknown;
                }
                return v instanceof Unknown;
            }

            /**
             * How many of {@code budget} elements are left after looking at each element of
             * {@code a} (nested arrays count theirs): -1 when one may hold an id or an Unknown,
             * or when the budget runs out first.
             */
            private static int elementsLeft(Arr a, int budget) {
                int left = budget;
                for (int i = 0; i < a.size(); i++) {
                    if (--left < 0) {
                        return -1;
                    }
                    Value item = a.get(i);
                    left = item instanceof Arr nested ? elementsLeft(nested, left) : mayHold(item) ? -1 : left;
                    if (left < 0) {
                        return -1;
                    }
                }
                return left;
            }

            /**
             * Whether {@code text} may be a resource id: once its leading whitespace is trimmed
             * (as {@link String#trim} takes it) it starts with '/', and either its first segment
             * or a later one starts, in any casing, as {@code subscriptions} or {@code providers}
             * do; every id has one of those segments, a file path ({@code /home/me/.ssh/...}) has
             * none. The casing is compared as {@link String#regionMatches(boolean, int, String,
             * int, int)} does, as the id parser does.
             */
            private static boolean mayBeResourceId(String text) {
                int start = 0;
                while (start < text.length() && text.charAt(start) <= ' ') {
                    start++;
                }
                if (start == text.length() || text.charAt(start) != '/') {
                    return false;
                }
                if (text.regionMatches(true, start + 1, "subscriptions", 0, 13)) {
                    return true;
                }
                for (int slash = start; slash >= 0; slash = text.indexOf('/', slash + 1)) {
                    if (text.regionMatches(true, slash + 1, "providers", 0, 9)) {
                        return true;
                    }
                }
                return false;
            }

            static Fields copyOf(Map<String, Value> map) {
                Growing g = new Growing(map.size());
                map.forEach(g::put);
                return g.done();
            }

            private static int[] indexOf(Map.Entry<String, Value>[] entries, int size) {
                int[] slots = new int[Integer.highestOneBit(size * 2 - 1) << 1];
                for (int i = 0; i < size; i++) {
                    insert(slots, entries[i].getKey(), i);
                }
                return slots;
            }

            private static int spread(Object key) {
                int h = key == null ? 0 : key.hashCode();
                return h ^ (h >>> 16);
            }

            Map.Entry<String, Value> entry(int i) {
                java.util.Objects.checkIndex(i, size);
                return entries[i];
            }

            /** The position of the key spelled exactly so, or -1. */
            private int position(Object key) {
                Map.Entry<String, Value>[] es = entries;
                if (index == null) {
                    // Keys read from the same file are often the very strings asked for.
                    for (int i = 0; i < size; i++) {
                        if (es[i].getKey() == key) {
                            return i;
                        }
                    }
                    for (int i = 0; i < size; i++) {
                        if (Objects.equals(es[i].getKey(), key)) {
                            return i;
                        }
                    }
                    return -1;
                }
                return slotOf(index, es, key);
            }

            /** The position of {@code key} through an index of {@code entries} ({@link #indexOf}), or -1. */
            private static int slotOf(int[] index, Map.Entry<String, Value>[] entries, Object key) {
                int mask = index.length - 1;
                for (int s = spread(key) & mask; ; s = (s + 1) & mask) {
                    int p = index[s];
                    if (p == 0) {
                        return -1;
                    }
                    if (Objects.equals(entries[p - 1].getKey(), key)) {
                        return p - 1;
                    }
                }
            }

            /** Puts position {@code at} of {@code key} in an index with an empty slot. */
            private static void insert(int[] index, Object key, int at) {
                int mask = index.length - 1;
                int s = spread(key) & mask;
                while (index[s] != 0) {
                    s = (s + 1) & mask;
                }
                index[s] = at + 1;
            }

            /** A builder's fields while they are put: entries in order, replaced in place by key. */
            static final class Growing {
                private Map.Entry<String, Value>[] entries;
                private int size;
                /**
                 * Past {@link #SMALL}, once a put has had to look a key up: slot by the key's hash
                 * to position + 1, as {@link Fields}'s index, so that a put does not scan. A loader
                 * that only appends ({@link Builder#putNew}) never makes one.
                 */
                private int[] slots;

                @SuppressWarnings("unchecked")
                Growing(int expected) {
                    entries = expected <= 0 ? NONE : new Map.Entry[expected];
                }

                void put(String key, Value value) {
                    int i = find(key);
                    if (i >= 0) {
                        // As a map keeps the first key object and the place, and takes the new value.
                        entries[i] = new java.util.AbstractMap.SimpleImmutableEntry<>(entries[i].getKey(), value);
                        return;
                    }
                    append(key, value);
                }

                /** Adds {@code key}, which is not there. */
                void append(String key, Value value) {
                    if (size == entries.length) {
                        entries = java.util.Arrays.copyOf(entries, Math.max(4, size * 2));
                    }
                    entries[size] = new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
                    size++;
                    if (slots != null) {
                        if (size * 2 > slots.length) {
                            slots = indexOf(entries, size); // at most half full: a search always meets an empty slot
                        } else {
                            insert(slots, key, size - 1);
                        }
                    }
                }

                private int find(String key) {
                    if (size > SMALL) {
                        if (slots == null) {
                            slots = indexOf(entries, size);
                        }
                        return slotOf(slots, entries, key);
                    }
                    for (int i = 0; i < size; i++) {
                        if (Objects.equals(entries[i].getKey(), key)) {
                            return i;
                        }
                    }
                    return -1;
                }

                void removeIgnoringCase(String key) {
                    int kept = 0;
                    for (int i = 0; i < size; i++) {
                        String k = entries[i].getKey();
                        if (k == null || !k.equalsIgnoreCase(key)) {
                            entries[kept++] = entries[i];
                        }
                    }
                    if (kept == size) {
                        return;
                    }
                    java.util.Arrays.fill(entries, kept, size, null);
                    size = kept;
                    slots = null;
                }

                Fields done() {
                    // A builder grows by doubling: a large array with much room left is trimmed.
                    Map.Entry<String, Value>[] es = entries.length - size > 4 ? java.util.Arrays.copyOf(entries, size) : entries;
                    entries = null;
                    return new Fields(es, size);
                }
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
                    for (int i = 0; i < size; i++) {
                        String k = entries[i].getKey();
                        if (k != null) {
                            s |= bit(foldedHash(k));
                        }
                    }
                    summary = s;
                }
                if ((s & bit(folded ? foldedHash : foldedHash(key))) == 0) {
                    return null;
                }
                return scan(key);
            }

            /** True only when the summary is made and no key has the bit of {@code foldedHash}. */
            boolean absentInEveryCasing(int foldedHash) {
                long s = summary;
                return (s & MADE) != 0 && (s & bit(foldedHash)) == 0;
            }

            private String scan(String key) {
                // Only keys of the same length can be equal ignoring case.
                for (int i = 0; i < size; i++) {
                    String k = entries[i].getKey();
                    if (k != null && k.length() == key.length() && k.equalsIgnoreCase(key)) {
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
                int i = position(key);
                return i < 0 ? null : entries[i].getValue();
            }

            @Override
            public boolean containsKey(Object key) {
                return position(key) >= 0;
            }

            @Override
            public boolean containsValue(Object value) {
                for (int i = 0; i < size; i++) {
                    if (Objects.equals(entries[i].getValue(), value)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean isEmpty() {
                return size == 0;
            }

            @Override
            public void forEach(java.util.function.BiConsumer<? super String, ? super Value> action) {
                for (int i = 0; i < size; i++) {
                    action.accept(entries[i].getKey(), entries[i].getValue());
                }
            }

            /** The entries themselves, in order; they cannot be changed, nor removed through the iterator. */
            private <T> java.util.Iterator<T> iterator(java.util.function.Function<Map.Entry<String, Value>, T> part) {
                return new java.util.Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public T next() {
                        if (next >= size) {
                            throw new java.util.NoSuchElementException();
                        }
                        return part.apply(entries[next++]);
                    }
                };
            }

            // The views are made when first asked for; a race makes two equal ones, either will do.
            @Override
            public java.util.Set<Map.Entry<String, Value>> entrySet() {
                java.util.Set<Map.Entry<String, Value>> v = entrySet;
                if (v == null) {
                    v = new java.util.AbstractSet<>() {
                        @Override
                        public java.util.Iterator<Map.Entry<String, Value>> iterator() {
                            return Fields.this.iterator(e -> e);
                        }

                        @Override
                        public int size() {
                            return size;
                        }
                    };
                    entrySet = v;
                }
                return v;
            }

            @Override
            public java.util.Set<String> keySet() {
                java.util.Set<String> v = keySet;
                if (v == null) {
                    v = new java.util.AbstractSet<>() {
                        @Override
                        public java.util.Iterator<String> iterator() {
                            return Fields.this.iterator(Map.Entry::getKey);
                        }

                        @Override
                        public int size() {
                            return size;
                        }

                        @Override
                        public boolean contains(Object o) {
                            return containsKey(o);
                        }
                    };
                    keySet = v;
                }
                return v;
            }

            @Override
            public java.util.Collection<Value> values() {
                java.util.Collection<Value> v = values;
                if (v == null) {
                    v = new java.util.AbstractCollection<>() {
                        @Override
                        public java.util.Iterator<Value> iterator() {
                            return Fields.this.iterator(Map.Entry::getValue);
                        }

                        @Override
                        public int size() {
                            return size;
                        }
                    };
                    values = v;
                }
                return v;
            }

            @Override
            public boolean equals(Object o) {
                return o == this || super.equals(o);
            }

            @Override
            public int hashCode() {
                int h = 0;
                for (int i = 0; i < size; i++) {
                    h += entries[i].hashCode();
                }
                return h;
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

        /** The number of fields. */
        public int size() {
            return ((Fields) fields).size;
        }

        /**
         * The key of field {@code i} (0 to {@link #size()} - 1, in insertion order): a loop over
         * every field of every body evaluated needs no iterator.
         */
        public String keyAt(int i) {
            return ((Fields) fields).entry(i).getKey();
        }

        /** The value of field {@code i}, as {@link #keyAt}. */
        public Value valueAt(int i) {
            return ((Fields) fields).entry(i).getValue();
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

        /**
         * The value under {@code key} spelled exactly so, or null; {@code foldedHash} is the key's
         * {@link #foldedHash}. A rule's path asks most objects for keys they lack: once an object
         * has made the summary of its keys' folded hashes (its second miss in another casing), a
         * key whose bit no key sets is absent in every spelling, this one too, and is answered
         * without a search.
         */
        public Value getSpelled(String key, int foldedHash) {
            Fields f = (Fields) fields;
            return f.absentInEveryCasing(foldedHash) ? null : f.get(key);
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
            String existing = keyOf(key);
            // Spelled otherwise, the old member goes and the new value comes last under the old spelling.
            String dropped = existing != null && !existing.equals(key) ? existing : null;
            Fields.Growing copy = new Fields.Growing(fields.size() + 1);
            fields.forEach((k, v) -> {
                if (dropped == null || !dropped.equals(k)) {
                    copy.put(k, v);
                }
            });
            copy.put(existing != null ? existing : key, value);
            return new Obj(copy.done(), rest);
        }

        @Override
        public String typeName() {
            return "Object";
        }

        // Written out for the same reason as Bool's.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Obj other && fields.equals(other.fields) && Objects.equals(rest, other.rest);
        }

        @Override
        public int hashCode() {
            return 31 * fields.hashCode() + Objects.hashCode(rest);
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
