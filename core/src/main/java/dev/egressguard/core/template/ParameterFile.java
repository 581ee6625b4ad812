package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a deployment parameter file ({@code parameters.X.value}). A Key Vault
 * {@code reference} becomes Unknown: the secret is only read at deployment. CI placeholders such
 * as {@code GEN-UNIQUE} are used as given, as Azure's test pipeline would before substitution.
 */
final class ParameterFile {

    /** A supplied value and where it was written. */
    public record Supplied(Value value, SourceLocation at) {
    }

    private ParameterFile() {
    }

    /**
     * A parameter file as read through {@link ConfinedFiles}; diagnostics for what is wrong (a file
     * that was not read is an error), the values that could be read.
     */
    public static Map<String, Supplied> read(ConfinedFiles.Read file, String displayName, List<Diagnostic> diagnostics) {
        ArmJsonLoader.Result loaded = ArmJsonLoader.load(file, displayName);
        diagnostics.addAll(loaded.diagnostics());
        if (loaded.json().isEmpty()) {
            return Map.of();
        }
        LoadedJson json = loaded.json().get();
        if (DocumentKind.of(json.root()) != DocumentKind.PARAMETERS) {
            diagnostics.add(Diagnostic.warning(SourceLocation.of(displayName),
                    "not a deployment parameter file (its $schema is not deploymentParameters.json); read anyway"));
        }
        return values(json.rootObject().get("parameters"), json.sourceMap(), "/parameters", diagnostics);
    }

    /**
     * The values of a {@code parameters} object at {@code pointer} of a file: of a parameter file,
     * or the evaluated {@code properties.parameters} of a nested deployment.
     */
    static Map<String, Supplied> values(Value params, SourceMap map, String pointer, List<Diagnostic> diagnostics) {
        if (params == null || params instanceof Value.Null) {
            return Map.of();
        }
        if (!(params instanceof Value.Obj obj)) {
            diagnostics.add(Diagnostic.error(map.locate(pointer), "'parameters' must be an object"));
            return Map.of();
        }
        Map<String, Supplied> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : obj.fields().entrySet()) {
            SourceLocation at = map.locateNearest(JsonPointer.child(pointer, e.getKey()));
            supplied(e.getKey(), e.getValue(), at, diagnostics).ifPresent(v -> out.put(e.getKey(), new Supplied(v, at)));
        }
        return out;
    }

    /** One entry {@code {"value": ...}} or {@code {"reference": {...}}}. */
    static Optional<Value> supplied(String name, Value entry, SourceLocation at, List<Diagnostic> diagnostics) {
        if (entry instanceof Value.Obj o && o.has("value")) {
            return Optional.of(o.get("value"));
        }
        if (entry instanceof Value.Obj o && o.get("reference") instanceof Value.Obj ref) {
            return Optional.of(Value.unknown("parameter '" + name + "' is a Key Vault secret ("
                    + describeSecret(ref) + "), read only at deployment", at));
        }
        if (entry instanceof Value.Unknown u) {
            return Optional.of(u);
        }
        diagnostics.add(Diagnostic.error(at, "parameter '" + name + "' has neither 'value' nor 'reference'"));
        return Optional.empty();
    }

    private static String describeSecret(Value.Obj ref) {
        Value secret = ref.get("secretName");
        return secret instanceof Value.Str s ? "secret '" + s.value() + "'" : "a secret";
    }
}
