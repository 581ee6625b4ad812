package dev.egressguard.core.expression;

import dev.egressguard.core.expression.functions.ArrayFunctions;
import dev.egressguard.core.expression.functions.CidrFunctions;
import dev.egressguard.core.expression.functions.ComparisonFunctions;
import dev.egressguard.core.expression.functions.DateFunctions;
import dev.egressguard.core.expression.functions.DeploymentFunctions;
import dev.egressguard.core.expression.functions.EncodingFunctions;
import dev.egressguard.core.expression.functions.LambdaFunctions;
import dev.egressguard.core.expression.functions.LogicalFunctions;
import dev.egressguard.core.expression.functions.NumericFunctions;
import dev.egressguard.core.expression.functions.ObjectFunctions;
import dev.egressguard.core.expression.functions.ResourceFunctions;
import dev.egressguard.core.expression.functions.StringFunctions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** All built-in template functions by case-insensitive name. */
public final class FunctionLibrary {

    private static final FunctionLibrary STANDARD = buildStandard();

    private final Map<String, FunctionDef> functions;
    private final Map<String, SpecialForm> specialForms;

    private FunctionLibrary(Map<String, FunctionDef> functions, Map<String, SpecialForm> specialForms) {
        this.functions = Map.copyOf(functions);
        this.specialForms = Map.copyOf(specialForms);
    }

    /** Every function of Azure's template function reference. */
    public static FunctionLibrary standard() {
        return STANDARD;
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

    private static FunctionLibrary buildStandard() {
        Builder b = new Builder();
        ArrayFunctions.register(b);
        ObjectFunctions.register(b);
        ComparisonFunctions.register(b);
        LogicalFunctions.register(b);
        NumericFunctions.register(b);
        StringFunctions.register(b);
        EncodingFunctions.register(b);
        DateFunctions.register(b);
        DeploymentFunctions.register(b);
        ResourceFunctions.register(b);
        LambdaFunctions.register(b);
        CidrFunctions.register(b);
        return b.build();
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
