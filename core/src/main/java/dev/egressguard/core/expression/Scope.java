package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;

import java.util.List;

/**
 * What an expression can see of the template it stands in. The template evaluator implements
 * it; the expression evaluator only asks. Methods throw {@link ExpressionException} for what
 * Azure itself would reject (an undeclared parameter, copyIndex() outside a loop) and return
 * {@link Value.Unknown} for what only a deployment can know.
 */
public interface Scope {

    DeploymentContext context();

    /** {@code parameters('name')}: the supplied value, else the default, else Unknown. */
    Value parameter(String name);

    /** {@code variables('name')}, evaluated lazily by the template side. */
    Value variable(String name);

    /**
     * {@code copyIndex()} / {@code copyIndex('loop')}: the current iteration of the innermost
     * or the named copy loop, without offset.
     */
    long copyIndex(String loopNameOrNull);

    /**
     * {@code reference(target, apiVersion?, 'Full'?)}: the declared properties (or, with 'Full',
     * the whole declaration) of a resource of this template when they are known, else Unknown.
     */
    Value reference(Value target, List<Value> otherArgs, SourceLocation at);

    /** {@code namespace.member(args...)}: a user-defined function of the template. */
    Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at);

    /** {@code deployment()}: name, properties.templateLink or template.contentVersion, ... */
    Value deployment();

    /**
     * Whether {@code utcNow()} and {@code newGuid()} may be called here: Azure allows them only
     * in parameter default values.
     */
    boolean inParameterDefault();

    /**
     * The level the template is deployed at (its {@code $schema}). At subscription level
     * {@code resourceId('T', 'n')} is a subscription-level id; at management group and tenant
     * level it is a tenant-level id, as in Azure.
     */
    default ScopeLevel level() {
        return ScopeLevel.RESOURCE_GROUP;
    }

    /** The functions expressions may call here: for templates, {@code StandardFunctions.library()}. */
    FunctionLibrary functions();

    /** The work the template this expression belongs to may still do ({@link EvaluationBudget}). */
    default EvaluationBudget budget() {
        return EvaluationBudget.UNLIMITED;
    }
}
