package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * The {@link dev.egressguard.core.expression.Scope} of an expression in a template: the
 * template's symbols, the copy loops around the expression, and the template's resources for
 * {@code reference()}. Immutable: entering a loop makes a new scope.
 */
final class TemplateScope implements EvalScope {

    private final TemplateRun run;
    private final Loops loops;
    private final boolean inParameterDefault;

    TemplateScope(TemplateRun run, Loops loops, boolean inParameterDefault) {
        this.run = run;
        this.loops = loops;
        this.inParameterDefault = inParameterDefault;
    }

    TemplateScope asParameterDefault() {
        return new TemplateScope(run, null, true);
    }

    @Override
    public DeploymentContext context() {
        return run.expressionContext();
    }

    @Override
    public ScopeLevel level() {
        return run.expressionLevel();
    }

    @Override
    public Value parameter(String name) {
        return run.symbols().parameters().get(name);
    }

    @Override
    public Value variable(String name) {
        return run.symbols().variables().get(name);
    }

    @Override
    public Optional<String> leftOutParameterReadBy(String expressionText) {
        return LeftOutParameters.readBy(expressionText, run.symbols());
    }

    /** Whether the parameters come from whoever deploys the template (not from a parent template). */
    boolean parametersComeFromTheDeployer() {
        return run.depth() == 0;
    }

    @Override
    public long copyIndex(String loopNameOrNull) {
        return Loops.index(loops, loopNameOrNull);
    }

    @Override
    public Value reference(Value target, List<Value> otherArgs, SourceLocation at) {
        return run.resources().reference(target, otherArgs, at);
    }

    @Override
    public Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at) {
        return run.symbols().functions().call(namespace, member, args, at);
    }

    @Override
    public Value deployment() {
        return run.deploymentValue();
    }

    @Override
    public boolean inParameterDefault() {
        return inParameterDefault;
    }

    @Override
    public TemplateScope withLoop(String name, long index, boolean answersUnnamed) {
        return new TemplateScope(run, Loops.push(loops, name, index, answersUnnamed), inParameterDefault);
    }

    @Override
    public EvaluationLog log() {
        return run.log();
    }

    @Override
    public EvaluationBudget budget() {
        return run.budget().evaluation();
    }

    TemplateRun run() {
        return run;
    }

    Loops loops() {
        return loops;
    }
}
