package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a top-level template that Azure would require and that got no value: no
 * {@code defaultValue}, not nullable, not in the parameter file. What is built from them is
 * UNKNOWN, so a run that checked a template without its values must say so, or a FAIL turned
 * UNKNOWN reads like a pass.
 */
final class RequiredParameters {

    private RequiredParameters() {
    }

    /** The names of the required parameters without a value, in declaration order. */
    static List<String> withoutValue(TemplateDocument doc, Map<String, ParameterFile.Supplied> supplied) {
        if (!(doc.template().get("parameters") instanceof Value.Obj declared)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Value> e : declared.fields().entrySet()) {
            Value.Obj decl = e.getValue() instanceof Value.Obj o ? o : Value.Obj.EMPTY;
            boolean given = supplied.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(e.getKey()));
            if (!given && !decl.has("defaultValue") && !ParameterChecks.isNullable(decl, doc)) {
                missing.add(e.getKey());
            }
        }
        return missing;
    }

    /**
     * One diagnostic for a template checked without some required values: a warning when its
     * parameter file leaves them out (Azure would refuse the deployment), an info when it has no
     * parameter file (the values come from wherever it is deployed).
     */
    static Optional<Diagnostic> describe(List<String> missing, TemplateDocument doc, String template,
                                         Optional<String> parameterFile) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", missing.stream().map(n -> "'" + n + "'").toList());
        String what = missing.size() == 1 ? "required parameter " + names + " has" : missing.size()
                + " required parameters (" + names + ") have";
        String consequence = ": what is built from " + (missing.size() == 1 ? "it" : "them") + " is UNKNOWN";
        if (parameterFile.isPresent()) {
            return Optional.of(Diagnostic.warning(SourceLocation.of(parameterFile.get()), what
                    + " no value in this parameter file of " + template + consequence));
        }
        // At the first one's declaration, where a default value could go.
        SourceLocation at = doc.map().locate(doc.pointer("/parameters/" + JsonPointers.escape(missing.get(0))));
        return Optional.of(Diagnostic.info(at.isKnown() ? at : SourceLocation.of(template), what + " no value (no parameter file"
                + " goes with the template)" + consequence));
    }
}
