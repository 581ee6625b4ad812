package dev.egressguard.core.expression;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Template functions by case-insensitive name; the standard library of all of Azure's is
 * {@code expression.functions.StandardFunctions.library()}, which a scope supplies ({@link Scope#functions()}).
 */
public final class FunctionLibrary {

    private final Map<String, FunctionDef> functions;
    private final Map<String, SpecialForm> specialForms;
    private final Map<String, Family> families;
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
        this.families = Map.copyOf(b.families);
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
        return functions.containsKey(k) || specialForms.containsKey(k) || families.containsKey(k);
    }

    private FunctionDef functionByKey(String k) {
        FunctionDef def = functions.get(k);
        if (def == null) {
            Family family = families.get(k);
            return family == null ? null : family.library().functionByKey(k);
        }
        return def;
    }

    private SpecialForm specialFormByKey(String k) {
        SpecialForm form = specialForms.get(k);
        if (form == null) {
            Family family = families.get(k);
            return family == null ? null : family.library().specialFormByKey(k);
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
        names.addAll(families.keySet());
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Functions that are set up when one of them is first looked up. A function's body is a
     * lambda, and a cold JVM spins a class for every lambda the first time its expression runs:
     * registering all of Azure's functions costs a fifth of a second, though a template uses a
     * handful of families. The names are declared apart from the bodies so that a lookup knows
     * which family to set up; setting it up checks that it defines exactly those names.
     */
    private static final class Family {
        private final String name;
        private final Set<String> names;
        private final Consumer<Builder> register;
        private volatile FunctionLibrary library;

        Family(String name, Set<String> names, Consumer<Builder> register) {
            this.name = name;
            this.names = names;
            this.register = register;
        }

        FunctionLibrary library() {
            FunctionLibrary built = library;
            if (built == null) {
                synchronized (this) {
                    built = library;
                    if (built == null) {
                        Builder b = new Builder();
                        register.accept(b);
                        built = b.build();
                        if (!built.names().equals(names)) {
                            throw new IllegalStateException("the function family " + name + " declares " + names
                                    + " but registers " + built.names());
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
        private final Map<String, Family> families = new HashMap<>();
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
         * The functions {@code register} adds, set up only when one of {@code names} is first
         * looked up (see {@link Family}); {@code register} must add exactly these names.
         */
        public Builder family(String familyName, List<String> names, Consumer<Builder> register) {
            Set<String> keys = new TreeSet<>();
            names.forEach(n -> keys.add(key(n)));
            Family family = new Family(familyName, Collections.unmodifiableSet(keys), register);
            for (String n : names) {
                families.put(claim(n), family);
            }
            return this;
        }

        private Builder put(FunctionDef def) {
            functions.put(claim(def.name()), def);
            return this;
        }

        private String claim(String name) {
            String k = key(name);
            if (functions.containsKey(k) || specialForms.containsKey(k) || families.containsKey(k)) {
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
