package dev.egressguard.core.template;

import dev.egressguard.core.expression.ExprText;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one template: the supplied value, else the evaluated default, else Unknown.
 * Defaults are evaluated lazily (they may refer to other parameters), once, with cycle detection.
 * Values are checked against the declared type and {@code allowedValues}; values of secure
 * parameters are registered with the log so no message ever prints them.
 */
final class Parameters {

    private final TemplateDocument doc;
    private final Value.Obj declared;
    private final Map<String, ParameterFile.Supplied> supplied;
    private final Map<String, Value> resolved = new LinkedHashMap<>();
    /**
     * What {@link #get} answered, by the name as an expression spelled it: the same answer
     * again without finding the key and making its lower-case copy on every read.
     */
    private final Map<String, Value> bySpelling = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final boolean symbolic;
    private final Set<String> leftOut = new HashSet<>();
    private TemplateScope defaultScope;

    /**
     * {@code symbolic}: a parameter without value and default is one unknown value with a
     * {@link dev.egressguard.core.value.Symbol} ({@code parameters('name')}), so what is built
     * from it is decided where the template decides it. Only a top-level template's: a nested
     * template without a value for a parameter is one Azure rejects, and a symbol of its own
     * would read like the parent's parameter of the same name.
     */
    Parameters(TemplateDocument doc, Map<String, ParameterFile.Supplied> supplied, boolean symbolic) {
        this.doc = doc;
        this.symbolic = symbolic;
        this.declared = doc.template().get("parameters") instanceof Value.Obj o ? o : Value.Obj.EMPTY;
        this.supplied = supplied;
    }

    /** The scope defaults are evaluated in: the template's, flagged as a parameter default. */
    void bind(TemplateScope scope) {
        this.defaultScope = scope.asParameterDefault();
    }

    /** Resolves every parameter once, so problems with unused ones are reported too. */
    void checkAll() {
        for (String name : supplied.keySet()) {
            if (!declared.has(name)) {
                defaultScope.log().error(supplied.get(name).at(), "parameter '" + name
                        + "' is supplied but the template does not declare it");
            }
        }
        for (String name : declared.fields().keySet()) {
            get(name);
        }
    }

    Value get(String name) {
        Value spelled = bySpelling.get(name);
        if (spelled != null) {
            return spelled;
        }
        Value v = lookUp(name);
        bySpelling.put(name, v);
        return v;
    }

    private Value lookUp(String name) {
        String key = declared.keyOf(name);
        if (key == null) {
            throw new ExpressionException("the template has no parameter named '" + name + "'");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        Value done = resolved.get(lower);
        if (done != null) {
            return done;
        }
        if (!resolving.add(lower)) {
            throw new ExpressionException("the default value of parameter '" + key + "' refers to itself");
        }
        try {
            Value v = resolve(key);
            resolved.put(lower, v);
            return v;
        } finally {
            resolving.remove(lower);
        }
    }

    private Value resolve(String key) {
        String pointer = JsonPointer.child(doc.pointer("/parameters"), key);
        SourceLocation at = doc.map().locate(pointer);
        Value.Obj decl = declared.get(key) instanceof Value.Obj o ? o : Value.Obj.EMPTY;
        String type = decl.get("type") instanceof Value.Str t ? t.value().toLowerCase(Locale.ROOT) : "";
        boolean secure = type.startsWith("secure");
        ParameterFile.Supplied given = findSupplied(key);
        Value value;
        if (given != null && !(given.value() instanceof Value.Null && decl.has("defaultValue"))) {
            value = given.value();
            at = given.at();
        } else if (decl.has("defaultValue")) {
            // An explicit null counts as no value: Azure deploys the default instead. Bicep passes
            // null to every optional module parameter the caller leaves out (a parameter "with a
            // default value" accepts "a string, an explicit null, or no value at all",
            // github.com/Azure/bicep/pull/9454; https://learn.microsoft.com/azure/azure-resource-manager/bicep/parameters).
            String defaultKey = decl.keyOf("defaultValue");
            value = new ValueEvaluator(doc.map()).evaluate(decl.get(defaultKey), JsonPointer.child(pointer, defaultKey),
                    defaultScope, null, "");
        } else if (ParameterChecks.isNullable(decl, doc)) {
            value = Value.Null.INSTANCE;
            if (defaultScope.parametersComeFromTheDeployer()) {
                leftOut.add(key.toLowerCase(Locale.ROOT));
            }
        } else {
            String reason = "parameter '" + key + "' has no value and no default";
            return new Value.Unknown(reason, at,
                    symbolic ? Symbol.term("parameters(" + ExprText.quote(key) + ")") : null);
        }
        if (secure) {
            registerSecrets(value);
        }
        ParameterChecks.check(key, decl, value, secure, at, doc, defaultScope.log());
        return value;
    }

    /**
     * Whether the parameter is nullable without default and the deployment gives it no value:
     * null, as Azure would deploy it, though a real deployment may well give one.
     */
    boolean isLeftOut(String name) {
        String key = declared.keyOf(name);
        return key != null && leftOut.contains(key.toLowerCase(Locale.ROOT));
    }

    private ParameterFile.Supplied findSupplied(String key) {
        for (Map.Entry<String, ParameterFile.Supplied> e : supplied.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private void registerSecrets(Value v) {
        List<Value> todo = new ArrayList<>(List.of(v));
        while (!todo.isEmpty()) {
            Value x = todo.remove(todo.size() - 1);
            if (x instanceof Value.Str s) {
                defaultScope.log().secret(s.value());
            } else if (x instanceof Value.Arr a) {
                todo.addAll(a.items());
            } else if (x instanceof Value.Obj o) {
                todo.addAll(o.fields().values());
            }
        }
    }
}
