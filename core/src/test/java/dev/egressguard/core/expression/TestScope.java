package dev.egressguard.core.expression;

import dev.egressguard.core.expression.functions.StandardFunctions;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A template as small as a test needs: parameters, variables, loops and known references. */
class TestScope implements Scope {

    private final Map<String, Value> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Value> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Value> references = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Long> loops = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private DeploymentContext context = DeploymentContext.DEFAULT;
    private boolean inParameterDefault;
    private Long innermostLoop;
    private ScopeLevel level = ScopeLevel.RESOURCE_GROUP;

    TestScope param(String name, Value value) {
        parameters.put(name, value);
        return this;
    }

    TestScope param(String name, String json) {
        return param(name, JsonText.parse(json));
    }

    TestScope variable(String name, Value value) {
        variables.put(name, value);
        return this;
    }

    TestScope reference(String target, Value value) {
        references.put(target, value);
        return this;
    }

    TestScope loop(String name, long index) {
        loops.put(name, index);
        innermostLoop = index;
        return this;
    }

    TestScope context(DeploymentContext c) {
        this.context = c;
        return this;
    }

    TestScope level(ScopeLevel l) {
        this.level = l;
        return this;
    }

    @Override
    public ScopeLevel level() {
        return level;
    }

    TestScope inParameterDefault(boolean b) {
        this.inParameterDefault = b;
        return this;
    }

    /** The variables this scope was asked for, in order: shows what was (not) evaluated. */
    List<String> calls() {
        return calls;
    }

    @Override
    public DeploymentContext context() {
        return context;
    }

    @Override
    public Value parameter(String name) {
        Value v = parameters.get(name);
        if (v == null) {
            throw new ExpressionException("The template parameter '" + name + "' is not found");
        }
        return v;
    }

    @Override
    public Value variable(String name) {
        calls.add(name);
        Value v = variables.get(name);
        if (v == null) {
            throw new ExpressionException("The template variable '" + name + "' is not found");
        }
        return v;
    }

    @Override
    public long copyIndex(String loopNameOrNull) {
        Long i = loopNameOrNull == null ? innermostLoop : loops.get(loopNameOrNull);
        if (i == null) {
            throw new ExpressionException("copyIndex() is only allowed in a copy loop");
        }
        return i;
    }

    @Override
    public Value reference(Value target, List<Value> otherArgs, SourceLocation at) {
        String key = target instanceof Value.Str s ? s.value() : JsonText.write(target);
        Value v = references.get(key);
        return v != null ? v : Value.unknown("depends on reference('" + key + "')", at);
    }

    @Override
    public Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at) {
        if (namespace.equals("ns") && member.equals("twice") && args.size() == 1 && args.get(0) instanceof Value.Int i) {
            return Value.of(i.value() * 2);
        }
        throw new ExpressionException("The user function '" + namespace + "." + member + "' is not found");
    }

    @Override
    public Value deployment() {
        return JsonText.parse("{\"name\":\"" + context.deploymentName() + "\",\"properties\":{\"template\":{\"contentVersion\":\"1.0.0.0\"}}}");
    }

    @Override
    public boolean inParameterDefault() {
        return inParameterDefault;
    }

    @Override
    public FunctionLibrary functions() {
        return StandardFunctions.library();
    }
}
