package dev.egressguard.core.fuzz;

import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.expression.functions.StandardFunctions;
import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.Scope;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template as an expression sees it, fixed so a fuzzer can reach every kind of answer: known
 * parameters and variables of each type, one copy loop, a reference that is unknown until
 * deployment, and Azure's own refusals (an undeclared name, a user function that does not exist).
 */
final class FixedScope implements Scope {

    private static final SourceLocation AT = new SourceLocation("fuzz.json", 1, 1);

    private final Map<String, Value> parameters = new LinkedHashMap<>();
    private final Map<String, Value> variables = new LinkedHashMap<>();

    private final EvaluationBudget budget;

    FixedScope() {
        this(EvaluationBudget.UNLIMITED);
    }

    FixedScope(EvaluationBudget budget) {
        this.budget = budget;
        parameters.put("location", Value.of("westeurope"));
        parameters.put("prefix", Value.of("eg"));
        parameters.put("count", Value.of(3));
        parameters.put("enabled", Value.of(true));
        parameters.put("names", Value.Arr.of(Value.of("a"), Value.of("b"), Value.of("c")));
        parameters.put("settings", new Value.Obj(Map.of("sku", Value.of("Standard"), "zones", Value.Arr.of(Value.of(1)))));
        parameters.put("secret", Value.unknown("parameter 'secret' has no value and no default", AT));
        // A required parameter without value: symbolic, so the fuzzer reaches SymbolicCalls.
        parameters.put("clusterName", new Value.Unknown("parameter 'clusterName' has no value and no default", AT,
                dev.egressguard.core.value.Symbol.term("parameters('clusterName')")));
        variables.put("vnetName", Value.of("eg-vnet"));
        variables.put("subnets", Value.Arr.of(new Value.Obj(Map.of("name", Value.of("nodes")))));
        variables.put("later", Value.unknown("reference() is only known after deployment", AT));
    }

    @Override
    public DeploymentContext context() {
        return DeploymentContext.DEFAULT;
    }

    @Override
    public Value parameter(String name) {
        return lookup(parameters, name, "parameter");
    }

    @Override
    public Value variable(String name) {
        return lookup(variables, name, "variable");
    }

    private static Value lookup(Map<String, Value> values, String name, String what) {
        for (Map.Entry<String, Value> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        throw new ExpressionException("the template has no " + what + " '" + name + "'");
    }

    @Override
    public long copyIndex(String loopNameOrNull) {
        if (loopNameOrNull == null || loopNameOrNull.equalsIgnoreCase("subnets")) {
            return 2;
        }
        throw new ExpressionException("copyIndex('" + loopNameOrNull + "') is outside a loop of that name");
    }

    @Override
    public Value reference(Value target, List<Value> otherArgs, SourceLocation at) {
        return Value.unknown("reference() is only known after deployment", at);
    }

    @Override
    public Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at) {
        if (namespace.equalsIgnoreCase("eg") && member.equalsIgnoreCase("upper") && args.size() == 1
                && args.get(0) instanceof Value.Str s) {
            return Value.of(s.value().toUpperCase(java.util.Locale.ROOT));
        }
        throw new ExpressionException("the template has no function " + namespace + "." + member);
    }

    @Override
    public Value deployment() {
        return new Value.Obj(Map.of("name", Value.of("fuzz"), "properties",
                new Value.Obj(Map.of("templateLink", new Value.Obj(Map.of("uri", Value.of("https://example.invalid/main.json")))))));
    }

    @Override
    public boolean inParameterDefault() {
        return false;
    }

    @Override
    public FunctionLibrary functions() {
        return StandardFunctions.library();
    }

    @Override
    public EvaluationBudget budget() {
        return budget;
    }
}
