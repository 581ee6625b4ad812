package dev.egressguard.core.expression;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Template functions by case-insensitive name; the standard library of all of Azure's is
 * {@code expression.functions.StandardFunctions.library()}, which a scope supplies ({@link Scope#functions()}).
 */
public final class FunctionLibrary {

    private final Map<String, FunctionDef> functions;
    private final Map<String, SpecialForm> specialForms;

    private FunctionLibrary(Map<String, FunctionDef> functions, Map<String, SpecialForm> specialForms) {
        this.functions = Map.copyOf(functions);
        this.specialForms = Map.copyOf(specialForms);
    }

    public Optional<FunctionDef> function(String name) {
        return Optional.ofNullable(functions.get(key(name)));
    }

    public Optional<SpecialForm> specialForm(String name) {
        return Optional.ofNullable(specialForms.get(key(name)));
    }

    public boolean isKnown(String name) {
        return functions.containsKey(key(name)) || specialForms.containsKey(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects functions; a name registered twice is a programming error. */
    public static final class Builder {
        private final Map<String, FunctionDef> functions = new HashMap<>();
        private final Map<String, SpecialForm> specialForms = new HashMap<>();

        /** A function whose result is Unknown as soon as one argument is Unknown. */
        public Builder add(String name, int minArgs, int maxArgs, TemplateFunction body) {
            return put(new FunctionDef(name, minArgs, maxArgs, true, body));
        }

        /** A function that looks at Unknown arguments itself (createArray, coalesce, and, ...). */
        public Builder addUnknownAware(String name, int minArgs, int maxArgs, TemplateFunction body) {
            return put(new FunctionDef(name, minArgs, maxArgs, false, body));
        }

        public Builder special(String name, SpecialForm form) {
            String k = key(name);
            if (functions.containsKey(k) || specialForms.put(k, form) != null) {
                throw new IllegalStateException("function registered twice: " + name);
            }
            return this;
        }

        private Builder put(FunctionDef def) {
            String k = key(def.name());
            if (specialForms.containsKey(k) || functions.put(k, def) != null) {
                throw new IllegalStateException("function registered twice: " + def.name());
            }
            return this;
        }

        public FunctionLibrary build() {
            return new FunctionLibrary(functions, specialForms);
        }
    }
}
