package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Microsoft.Resources/deployments} resource of a template: its inline template, or
 * the template it links ({@link LinkedTemplateLoader}: by {@code relativePath} next to the linking
 * file, or by a {@code uri} that leads to a file of the project; never from outside the project),
 * evaluated as a deployment of its own.
 *
 * <p>Scope: with {@code expressionEvaluationOptions.scope: inner} the nested template sees only
 * the parameters passed in {@code properties.parameters}, and {@code resourceGroup()} and
 * {@code subscription()} answer for the deployment's target; with {@code outer} (Azure's default)
 * it sees the parent's parameters, variables and context, while its resources still land in
 * the deployment's resource group. A template linked by a URI that leads to no project file is
 * never fetched: a warning says its resources are unknown, and its outputs are Unknown.
 */
final class NestedDeployments {

    /** Deeper nesting than this is reported and not evaluated (a template linking itself, say). */
    static final int MAX_DEPTH = 10;

    /** What a nested deployment deployed, and its outputs ({@code {name: {type, value}}} or Unknown). */
    record Result(List<Resource> resources, Value outputs) {
    }

    private NestedDeployments() {
    }

    static Result evaluate(TemplateRun parent, Instance deployment, Value.Obj body) {
        SourceLocation at = parent.document().map().locate(deployment.place());
        String name = deployment.shortName();
        Value.Obj rawProps = deployment.declaration().get("properties") instanceof Value.Obj p ? p : Value.Obj.EMPTY;
        Value.Obj props = body.get("properties") instanceof Value.Obj p ? p : Value.Obj.EMPTY;
        String propsPointer = JsonPointer.child(deployment.pointer(),
                deployment.declaration().keyOf("properties") == null ? "properties" : deployment.declaration().keyOf("properties"));
        if (parent.depth() + 1 > MAX_DEPTH) {
            parent.log().error(at, "deployment '" + name + "' nests deployments more than " + MAX_DEPTH
                    + " levels deep; it is not evaluated");
            return unknown("deployment '" + name + "' is nested too deeply to evaluate", at);
        }
        Value linkValue = null;
        boolean computedTemplate = false;
        TemplateDocument doc;
        if (rawProps.get("template") instanceof Value.Obj inline) {
            String pointer = JsonPointer.child(propsPointer, rawProps.keyOf("template"));
            doc = new TemplateDocument(parent.document().file(), parent.document().map(), inline, pointer,
                    kindOf(inline));
        } else if (rawProps.get("template") instanceof Value.Str) {
            // The template is an expression ("[variables('$fxv#0')]" from Bicep's loadJsonContent):
            // the parent evaluated it with the rest of the body, unescaping "[[" to "[", and what
            // is left is the deployment's own, evaluated with the parameters it is given.
            Value computed = props.get("template");
            if (computed instanceof Value.Unknown u) {
                parent.log().warning(at, "the template of deployment '" + name + "' is only known at deployment ("
                        + u.reason() + "); its resources are unknown");
                parent.countUnknown();
                return unknown("deployment '" + name + "' has a template known only at deployment", at);
            }
            String templatePointer = JsonPointer.child(propsPointer, rawProps.keyOf("template"));
            if (!(computed instanceof Value.Obj template)) {
                parent.log().error(parent.document().map().locate(templatePointer), "properties.template of deployment '" + name + "' must be an object, but its value is "
                        + (computed == null ? "missing" : computed.typeName()));
                return unknown("deployment '" + name + "' has no template", at);
            }
            String written = writtenAt(parent.document(), (Value.Str) rawProps.get("template"), templatePointer);
            doc = new TemplateDocument(parent.document().file(), parent.document().map(), template, written,
                    kindOf(template));
            computedTemplate = true;
        } else if (props.get("templateLink") instanceof Value.Obj link) {
            LinkedTemplateLoader.Outcome outcome = LinkedTemplateLoader.load(parent, link, name, at);
            if (outcome instanceof LinkedTemplateLoader.NotLoaded notLoaded) {
                parent.countUnknown();
                return unknown(notLoaded.reason(), at);
            }
            LinkedTemplateLoader.Loaded loaded = (LinkedTemplateLoader.Loaded) outcome;
            linkValue = loaded.ownLink();
            doc = loaded.document();
        } else {
            parent.log().error(at, "deployment '" + name + "' has neither properties.template nor properties.templateLink");
            return unknown("deployment '" + name + "' has no template", at);
        }
        Target target = targetOf(parent, deployment, doc);
        boolean inner = props.get("expressionEvaluationOptions") instanceof Value.Obj options
                && options.get("scope") instanceof Value.Str scope && scope.value().equalsIgnoreCase("inner");
        TemplateRun child;
        if (inner || linkValue != null || computedTemplate) {
            List<Diagnostic> problems = new ArrayList<>();
            Map<String, ParameterFile.Supplied> supplied = ParameterFile.values(props.get("parameters"),
                    parent.document().map(), JsonPointer.child(propsPointer, keyOr(rawProps, "parameters")), problems);
            parent.log().addAll(problems);
            child = TemplateRun.of(doc, supplied, target, parent.log(), parent, parent.depth() + 1, parent.files(),
                    linkValue, parent.budget());
        } else {
            child = TemplateRun.outer(doc, parent, target, parent.depth() + 1, deployment.scope().loops());
        }
        List<Resource> resources = child.run();
        return new Result(resources, child.outputs());
    }

    /**
     * Where the text of a computed template is written, for locations inside it: the variable
     * {@code [variables('name')]} names when it is an object of this document, else the
     * {@code properties.template} that computes it.
     */
    private static String writtenAt(TemplateDocument parent, Value.Str expression, String templatePointer) {
        Optional<Expr> parsed;
        try {
            parsed = Expressions.parseJsonString(expression.value());
        } catch (ExpressionException e) {
            return templatePointer;
        }
        if (parsed.isPresent() && parsed.get() instanceof Expr.Call call && call.namespace() == null
                && call.name().equalsIgnoreCase("variables") && call.args().size() == 1
                && call.args().get(0) instanceof Expr.StringLiteral variable
                && parent.section("variables") instanceof Value.Obj variables) {
            String key = variables.keyOf(variable.value());
            if (key != null && variables.get(key) instanceof Value.Obj) {
                return JsonPointer.child(parent.sectionPointer("variables"), key);
            }
        }
        return templatePointer;
    }

    private static Result unknown(String reason, SourceLocation at) {
        return new Result(List.of(), Value.unknown(reason + "; its outputs are unknown", at));
    }

    private static DocumentKind kindOf(Value.Obj template) {
        DocumentKind kind = DocumentKind.of(template);
        return kind.isTemplate() ? kind : DocumentKind.TEMPLATE;
    }

    /** Where the nested template deploys: the deployment's resource group or subscription. */
    private static Target targetOf(TemplateRun parent, Instance deployment, TemplateDocument doc) {
        ResourceId id = deployment.id();
        DeploymentContext ctx = parent.target().context().withDeploymentName(deployment.shortName());
        ScopeLevel level;
        if (id.subscriptionId() != null) {
            ctx = ctx.withSubscriptionId(id.subscriptionId());
        }
        if (id.resourceGroup() != null) {
            ctx = ctx.withResourceGroup(id.resourceGroup());
            level = ScopeLevel.RESOURCE_GROUP;
        } else if (doc.kind() != DocumentKind.TEMPLATE) {
            level = Target.levelOf(doc.kind());
        } else {
            level = id.subscriptionId() != null ? ScopeLevel.SUBSCRIPTION : parent.target().level();
        }
        return new Target(ctx, level);
    }

    private static String keyOr(Value.Obj obj, String key) {
        String k = obj.keyOf(key);
        return k == null ? key.toLowerCase(Locale.ROOT) : k;
    }
}
