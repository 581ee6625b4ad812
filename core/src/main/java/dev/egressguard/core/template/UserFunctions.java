package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user-defined functions of a template ({@code functions}: namespaces of members). A call
 * runs in a scope of its own that sees only the function's parameters, as Azure enforces: no
 * template parameters, variables or reference(). Functions may call each other (Bicep emits
 * that); the call depth is limited so a recursive definition ends in an error, not a crash.
 */
final class UserFunctions {

    static final int MAX_DEPTH = 32;

    private record Function(String qualifiedName, List<String> parameters, Value output, String outputPointer,
                            String outputType) {
    }

    private final TemplateDocument doc;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private TemplateScope owner;
    private int depth;

    UserFunctions(TemplateDocument doc) {
        this.doc = doc;
        if (!(doc.section("functions") instanceof Value.Arr namespaces)) {
            return;
        }
        String base = doc.sectionPointer("functions");
        for (int i = 0; i < namespaces.size(); i++) {
            if (!(namespaces.get(i) instanceof Value.Obj ns) || !(ns.get("namespace") instanceof Value.Str nsName)
                    || !(ns.get("members") instanceof Value.Obj members)) {
                continue;
            }
            String membersPointer = JsonPointer.child(JsonPointer.child(base, i), ns.keyOf("members"));
            for (Map.Entry<String, Value> m : members.fields().entrySet()) {
                if (m.getValue() instanceof Value.Obj member) {
                    declare(nsName.value(), m.getKey(), member, JsonPointer.child(membersPointer, m.getKey()));
                }
            }
        }
    }

    private void declare(String namespace, String name, Value.Obj member, String pointer) {
        List<String> params = new ArrayList<>();
        if (member.get("parameters") instanceof Value.Arr ps) {
            for (Value p : ps.items()) {
                if (p instanceof Value.Obj po && po.get("name") instanceof Value.Str pn) {
                    params.add(pn.value());
                }
            }
        }
        Value.Obj output = member.get("output") instanceof Value.Obj o ? o : Value.Obj.EMPTY;
        String outputPointer = JsonPointer.child(JsonPointer.child(pointer, member.keyOf("output") == null ? "output"
                : member.keyOf("output")), output.keyOf("value") == null ? "value" : output.keyOf("value"));
        String type = output.get("type") instanceof Value.Str t ? t.value() : null;
        String qualified = namespace + "." + name;
        functions.put(qualified.toLowerCase(Locale.ROOT), new Function(qualified, params, output.get("value"),
                outputPointer, type));
    }

    void bind(TemplateScope owner) {
        this.owner = owner;
    }

    Value call(String namespace, String member, List<Value> args, SourceLocation at) {
        Function f = functions.get((namespace + "." + member).toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new ExpressionException("the template defines no function '" + namespace + "." + member + "'");
        }
        if (args.size() != f.parameters().size()) {
            throw new ExpressionException("function '" + f.qualifiedName() + "' takes " + f.parameters().size()
                    + " argument(s), got " + args.size());
        }
        if (f.output() == null) {
            throw new ExpressionException("function '" + f.qualifiedName() + "' has no output value");
        }
        if (depth >= MAX_DEPTH) {
            throw new ExpressionException("user-defined functions call each other more than " + MAX_DEPTH
                    + " levels deep (recursion?) in '" + f.qualifiedName() + "'");
        }
        Map<String, Value> bound = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(f.parameters().get(i).toLowerCase(Locale.ROOT), args.get(i));
        }
        depth++;
        try {
            FunctionScope scope = new FunctionScope(f.qualifiedName(), bound, null);
            Value result = new ValueEvaluator(doc.map()).evaluate(f.output(), f.outputPointer(), scope, null, "");
            if (f.outputType() != null && !(result instanceof Value.Unknown)
                    && !ParameterChecks.fits(f.outputType().toLowerCase(Locale.ROOT), result)) {
                throw new ExpressionException("function '" + f.qualifiedName() + "' returns " + result.typeName()
                        + " but declares " + f.outputType());
            }
            return result;
        } finally {
            depth--;
        }
    }

    /** What the body of a user-defined function sees. */
    private final class FunctionScope implements EvalScope {
        private final String function;
        private final Map<String, Value> arguments;
        private final Loops loops;

        FunctionScope(String function, Map<String, Value> arguments, Loops loops) {
            this.function = function;
            this.arguments = arguments;
            this.loops = loops;
        }

        @Override
        public DeploymentContext context() {
            return owner.context();
        }

        @Override
        public ScopeLevel level() {
            return owner.level();
        }

        @Override
        public Value parameter(String name) {
            Value v = arguments.get(name.toLowerCase(Locale.ROOT));
            if (v == null) {
                throw new ExpressionException("function '" + function + "' has no parameter '" + name
                        + "' (user-defined functions see only their own parameters)");
            }
            return v;
        }

        @Override
        public Value variable(String name) {
            throw new ExpressionException("function '" + function + "' cannot use variables('" + name
                    + "'): user-defined functions see only their own parameters");
        }

        @Override
        public long copyIndex(String loopNameOrNull) {
            return Loops.index(loops, loopNameOrNull);
        }

        @Override
        public Value reference(Value target, List<Value> otherArgs, SourceLocation at) {
            throw new ExpressionException("function '" + function + "' cannot call reference(): user-defined "
                    + "functions cannot use runtime functions");
        }

        @Override
        public Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at) {
            return call(namespace, member, args, at);
        }

        @Override
        public Value deployment() {
            return owner.deployment();
        }

        @Override
        public boolean inParameterDefault() {
            return false;
        }

        @Override
        public EvalScope withLoop(String name, long index, boolean answersUnnamed) {
            return new FunctionScope(function, arguments, Loops.push(loops, name, index, answersUnnamed));
        }

        @Override
        public EvaluationLog log() {
            return owner.log();
        }

        @Override
        public dev.egressguard.core.expression.EvaluationBudget budget() {
            return owner.budget();
        }
    }
}
