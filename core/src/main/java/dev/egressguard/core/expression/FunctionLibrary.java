package dev.egressguard.core.expression;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Template functions by case-insensitive name; the standard library of all of Azure's is
 * {@code expression.functions.StandardFunctions.library()}, which a scope supplies ({@link Scope#functions()}).
 */
public final class FunctionLibrary {

    private final Map<String, FunctionDef> functions;
    private final Map<String, SpecialForm> specialForms;
    private final Map<String, Deferred> deferred;
    /**
     * Each name as registered ({@code resourceId}) to its lower-case key: templates mostly spell
     * a function as Azure does, and the evaluator looks a name up on every call, so that spelling
     * is found without making a lower-case copy of it.
     */
    private final Map<String, String> spellings;

    /**
     * What a name a template spelled resolves to, once per spelling: the evaluator asks on every
     * call, and finding a special form, then a function, each by key and family, took five
     * lookups. Only names that resolve are kept, so a template cannot fill it with made-up ones.
     */
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    /** A name's special form, or else its function; both null for a name this library does not know. */
    public record Resolved(SpecialForm form, FunctionDef function) {
        private static final Resolved NONE = new Resolved(null, null);
    }

    private FunctionLibrary(Builder b) {
        this.functions = Map.copyOf(b.functions);
        this.specialForms = Map.copyOf(b.specialForms);
        this.deferred = Map.copyOf(b.deferred);
        this.spellings = Map.copyOf(b.spellings);
    }

    public Optional<FunctionDef> function(String name) {
        return Optional.ofNullable(functionByKey(keyOf(name)));
    }

    public Optional<SpecialForm> specialForm(String name) {
        return Optional.ofNullable(specialFormByKey(keyOf(name)));
    }

    /** {@link #specialForm} and else {@link #function} of {@code name}, in one answer. */
    public Resolved resolve(String name) {
        Resolved r = resolved.get(name);
        if (r != null) {
            return r;
        }
        String k = keyOf(name);
        SpecialForm form = specialFormByKey(k);
        r = form != null ? new Resolved(form, null) : new Resolved(null, functionByKey(k));
        if (r.form() == null && r.function() == null) {
            return Resolved.NONE;
        }
        resolved.put(name, r);
        return r;
    }

    /** How many spellings are resolved and kept: for tests. */
    int resolvedCount() {
        return resolved.size();
    }

    public boolean isKnown(String name) {
        String k = keyOf(name);
        return functions.containsKey(k) || specialForms.containsKey(k) || deferred.containsKey(k);
    }

    private FunctionDef functionByKey(String k) {
        FunctionDef def = functions.get(k);
        if (def == null) {
            Deferred d = deferred.get(k);
            return d == null ? null : d.library().functionByKey(k);
        }
        return def;
    }

    private SpecialForm specialFormByKey(String k) {
        SpecialForm form = specialForms.get(k);
        if (form == null) {
            Deferred d = deferred.get(k);
            return d == null ? null : d.library().specialFormByKey(k);
        }
        return form;
    }

    private String keyOf(String name) {
        String k = spellings.get(name);
        return k != null ? k : key(name);
    }

    /** Every name this library knows, in lower case and sorted: for tests and documentation. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(functions.keySet());
        names.addAll(specialForms.keySet());
        names.addAll(deferred.keySet());
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A function that is set up when it is first looked up. A function's body is a lambda, and a
     * cold JVM links every lambda the first time its expression runs: registering all of Azure's
     * functions cost a fifth of a second, and even a whole family of them (fifteen string
     * functions for one format()) some milliseconds of a cold run, though a template calls a
     * handful of functions. The names are declared apart from the bodies so that a lookup knows
     * what to set up; setting one up checks that it defines exactly that name.
     */
    private static final class Deferred {
        private final String family;
        /** The name as declared, which the family's register switches on. */
        private final String name;
        private final BiConsumer<Builder, String> register;
        private volatile FunctionLibrary library;

        Deferred(String family, String name, BiConsumer<Builder, String> register) {
            this.family = family;
            this.name = name;
            this.register = register;
        }

        FunctionLibrary library() {
            FunctionLibrary built = library;
            if (built == null) {
                synchronized (this) {
                    built = library;
                    if (built == null) {
                        Builder b = new Builder();
                        register.accept(b, name);
                        built = b.build();
                        if (!built.names().equals(Set.of(key(name)))) {
                            throw new IllegalStateException("the function family " + family + " declares " + name
                                    + " but registers " + built.names() + " for it");
                        }
                        library = built;
                    }
                }
            }
            return built;
        }
    }

    /** Collects functions; a name registered twice is a programming error. */
    public static final class Builder {
        private final Map<String, FunctionDef> functions = new HashMap<>();
        private final Map<String, SpecialForm> specialForms = new HashMap<>();
        private final Map<String, Deferred> deferred = new HashMap<>();
        private final Map<String, String> spellings = new HashMap<>();

        /** A function whose result is Unknown as soon as one argument is Unknown. */
        public Builder add(String name, int minArgs, int maxArgs, TemplateFunction body) {
            return put(new FunctionDef(name, minArgs, maxArgs, true, body));
        }

        /** A function that looks at Unknown arguments itself (createArray, coalesce, and, ...). */
        public Builder addUnknownAware(String name, int minArgs, int maxArgs, TemplateFunction body) {
            return put(new FunctionDef(name, minArgs, maxArgs, false, body));
        }

        public Builder special(String name, SpecialForm form) {
            String k = claim(name);
            specialForms.put(k, form);
            return this;
        }

        /**
         * The functions of a family, each set up only when it is first looked up (see
         * {@link Deferred}): {@code register.accept(builder, name)} must add exactly the function
         * {@code name}, as spelled here.
         */
        public Builder family(String familyName, List<String> names, BiConsumer<Builder, String> register) {
            for (String n : names) {
                deferred.put(claim(n), new Deferred(familyName, n, register));
            }
            return this;
        }

        private Builder put(FunctionDef def) {
            functions.put(claim(def.name()), def);
            return this;
        }

        private String claim(String name) {
            String k = key(name);
            if (functions.containsKey(k) || specialForms.containsKey(k) || deferred.containsKey(k)) {
                throw new IllegalStateException("function registered twice: " + name);
            }
            spellings.put(name, k);
            return k;
        }

        public FunctionLibrary build() {
            return new FunctionLibrary(this);
        }
    }
}
