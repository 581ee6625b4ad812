package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.expression.ScopeLevel;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One deployment of one template: the top-level template, or a nested deployment's template
 * (inline or linked by relative path). Expands the resources, evaluates their bodies, evaluates
 * nested deployments in turn, and the outputs a parent reads.
 */
final class TemplateRun {

    /** Azure rejects a template with more resources than this in one deployment. */
    static final int MAX_RESOURCES = 800;

    private final TemplateDocument doc;
    private final Symbols symbols;
    private final Target expressionTarget;
    private final Target target;
    private final EvaluationLog log;
    private final TemplateRun parent;
    private final boolean outerScope;
    private final int depth;
    private final ProjectFiles files;
    private final Value templateLink;
    private final TemplateScope rootScope;
    private final ResourceTable resources;
    private final ExpansionBudget budget;
    private final Map<Instance, NestedDeployments.Result> nested = new IdentityHashMap<>();
    private final Set<Instance> evaluatingNested = Collections.newSetFromMap(new IdentityHashMap<>());

    private TemplateRun(TemplateDocument doc, Symbols symbols, Target expressionTarget, Target target,
                        EvaluationLog log, TemplateRun parent, boolean outerScope, int depth, ProjectFiles files,
                        Value templateLink, Loops loops, ExpansionBudget budget) {
        this.doc = doc;
        this.expressionTarget = expressionTarget;
        this.target = target;
        this.log = log;
        this.parent = parent;
        this.outerScope = outerScope;
        this.depth = depth;
        this.files = files;
        this.templateLink = templateLink;
        this.rootScope = new TemplateScope(this, loops, false);
        this.resources = new ResourceTable(this);
        this.symbols = symbols;
        this.budget = budget;
    }

    /**
     * A template deployed on its own (top level, or a nested deployment with inner scope).
     * {@code budget} is the top-level template's, shared with everything it nests.
     */
    static TemplateRun of(TemplateDocument doc, Map<String, ParameterFile.Supplied> supplied, Target target,
                          EvaluationLog log, TemplateRun parent, int depth, ProjectFiles files, Value templateLink,
                          ExpansionBudget budget) {
        Symbols own = new Symbols(new Parameters(doc, supplied, parent == null), new Variables(doc), new UserFunctions(doc));
        TemplateRun run = new TemplateRun(doc, own, target, target, log, parent, false, depth, files,
                templateLink, null, budget);
        own.bind(run.rootScope);
        return run;
    }

    /**
     * A nested template with outer scope: the parent's parameters, variables and expression
     * context, and the copy loops of the deployment it stands in.
     */
    static TemplateRun outer(TemplateDocument doc, TemplateRun parent, Target target, int depth, Loops loops) {
        return new TemplateRun(doc, parent.symbols, parent.expressionTarget, target, parent.log, parent, true, depth,
                parent.files, parent.templateLink, loops, parent.budget);
    }

    /** Evaluates everything; the resources deployed, nested ones after their deployment. */
    List<Resource> run() {
        TemplateShape.check(doc, log);
        if (!outerScope) {
            symbols.parameters().checkAll();
        }
        if (doc.isLanguageVersion2()) {
            Definitions.check(doc, log);
        }
        resources.setInstances(new ResourceExpander(this).expand());
        long deployed = resources.instances().stream().filter(i -> !i.existing()).count();
        if (deployed > MAX_RESOURCES) {
            log.warning(doc.map().locate(doc.sectionPointer("resources")), "the template deploys " + deployed
                    + " resources; Azure allows at most " + MAX_RESOURCES + " in one deployment");
        }
        List<Resource> out = new ArrayList<>();
        for (Instance i : resources.instances()) {
            if (i.existing()) {
                continue;
            }
            ResourceTable.Evaluated e = resources.body(i);
            log.countUnknown(countUnknowns(e.body()));
            out.add(toResource(i, e));
            if (i.isDeployment()) {
                out.addAll(nested(i, e.body()).resources());
            }
        }
        return out;
    }

    NestedDeployments.Result nested(Instance deployment, Value.Obj body) {
        NestedDeployments.Result r = nested.get(deployment);
        if (r != null) {
            return r;
        }
        if (!evaluatingNested.add(deployment)) {
            // The nested template reads its own deployment's outputs (through the parent): a cycle.
            return new NestedDeployments.Result(List.of(), Value.unknown("the outputs of deployment '"
                    + deployment.shortName() + "' depend on themselves", doc.map().locate(deployment.pointer())));
        }
        try {
            r = NestedDeployments.evaluate(this, deployment, body);
            nested.put(deployment, r);
            return r;
        } finally {
            evaluatingNested.remove(deployment);
        }
    }

    /** The {@code outputs} of this deployment as {@code reference(...).outputs} shows them. */
    Value.Obj outputs() {
        if (!(doc.section("outputs") instanceof Value.Obj declared)) {
            return Value.Obj.EMPTY;
        }
        String base = doc.sectionPointer("outputs");
        ValueEvaluator evaluator = new ValueEvaluator(doc.map());
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : declared.fields().entrySet()) {
            if (!(e.getValue() instanceof Value.Obj output)) {
                continue;
            }
            String pointer = JsonPointer.child(base, e.getKey());
            if (output.has("condition")) {
                String k = output.keyOf("condition");
                Value c = evaluator.evaluate(output.get(k), JsonPointer.child(pointer, k), rootScope, null, "");
                if (c instanceof Value.Bool b && !b.value()) {
                    continue;
                }
            }
            Value value = outputValue(e.getKey(), output, pointer, evaluator);
            Map<String, Value> entry = new LinkedHashMap<>();
            if (output.get("type") != null) {
                entry.put("type", output.get("type"));
            }
            entry.put("value", value);
            out.put(e.getKey(), new Value.Obj(entry));
        }
        return new Value.Obj(out);
    }

    private Value outputValue(String name, Value.Obj output, String pointer, ValueEvaluator evaluator) {
        if (output.get("copy") instanceof Value.Obj copy) {
            String copyPointer = JsonPointer.child(pointer, output.keyOf("copy"));
            String countKey = copy.keyOf("count");
            Value count = countKey == null ? null
                    : evaluator.evaluate(copy.get(countKey), JsonPointer.child(copyPointer, countKey), rootScope, null, "");
            CopyCount c = CopyCount.of(count, name, doc.map().locate(copyPointer), log);
            if (c instanceof CopyCount.NotExpanded ne) {
                return ne.reason();
            }
            List<Value> items = new ArrayList<>();
            String input = JsonPointer.child(copyPointer, copy.keyOf("input") == null ? "input" : copy.keyOf("input"));
            for (int i = 0; i < ((CopyCount.Expand) c).count(); i++) {
                items.add(evaluator.evaluate(copy.get("input"), input, rootScope.withLoop(name, i, true), null, ""));
            }
            return new Value.Arr(items);
        }
        String k = output.keyOf("value");
        if (k == null) {
            return Value.Null.INSTANCE;
        }
        return evaluator.evaluate(output.get(k), JsonPointer.child(pointer, k), rootScope, null, "");
    }

    private Resource toResource(Instance i, ResourceTable.Evaluated e) {
        SourceMap map = doc.map();
        Origins origins = e.origins();
        Provenance provenance = Provenance.template(map.locate(i.place()), pointer -> {
            SourceMap.Node source = origins.sourceOf(pointer);
            return source == null ? SourceLocation.NONE : map.locate(source);
        });
        String apiVersion = e.body().get("apiVersion") instanceof Value.Str s ? s.value() : null;
        return new Resource(i.id(), i.type(), i.shortName(), apiVersion, e.body(), provenance);
    }

    static int countUnknowns(Value v) {
        if (v instanceof Value.Unknown) {
            return 1;
        }
        int n = 0;
        if (v instanceof Value.Arr a) {
            for (int i = 0; i < a.size(); i++) {
                n += countUnknowns(a.get(i));
            }
        } else if (v instanceof Value.Obj o) {
            // By index: every body is walked, and an iterator or a counting lambda per object was
            // a tenth of what evaluating allocated.
            for (int i = 0; i < o.size(); i++) {
                n += countUnknowns(o.valueAt(i));
            }
        }
        return n;
    }

    /** {@code deployment()}: what Azure shows a template of its own deployment. */
    Value deploymentValue() {
        if (templateLink != null) {
            log.templateLinkRead();
        }
        Map<String, Value> template = new LinkedHashMap<>();
        for (String key : new String[] {"$schema", "contentVersion", "languageVersion"}) {
            if (doc.template().get(key) != null) {
                template.put(key, doc.template().get(key));
            }
        }
        Map<String, Value> properties = new LinkedHashMap<>();
        properties.put("templateLink", templateLink != null ? templateLink : Value.unknown(
                "deployment().properties.templateLink is only known at deployment (the URI the template is deployed "
                        + "from)", SourceLocation.of(doc.map().file())));
        properties.put("template", new Value.Obj(template));
        properties.put("mode", Value.of("Incremental"));
        properties.put("provisioningState", Value.unknown("deployment().properties.provisioningState is only known "
                + "at deployment", SourceLocation.of(doc.map().file())));
        Map<String, Value> deployment = new LinkedHashMap<>();
        deployment.put("name", Value.of(expressionContext().deploymentName()));
        if (target.level() != ScopeLevel.RESOURCE_GROUP) {
            deployment.put("location", Value.of(expressionContext().location()));
        }
        deployment.put("properties", new Value.Obj(properties));
        return new Value.Obj(deployment);
    }

    void countUnknown() {
        log.countUnknown(1);
    }

    TemplateDocument document() {
        return doc;
    }

    Symbols symbols() {
        return symbols;
    }

    /** What subscription(), resourceGroup() and resourceId() answer: the parent's for an outer-scope template. */
    DeploymentContext expressionContext() {
        return expressionTarget.context();
    }

    ScopeLevel expressionLevel() {
        return expressionTarget.level();
    }

    Target target() {
        return target;
    }

    EvaluationLog log() {
        return log;
    }

    TemplateScope rootScope() {
        return rootScope;
    }

    ResourceTable resources() {
        return resources;
    }

    ExpansionBudget budget() {
        return budget;
    }

    int depth() {
        return depth;
    }

    ProjectFiles files() {
        return files;
    }

    /** The run whose resources {@code reference()} may also find: the parent deployment's. */
    TemplateRun referenceParent() {
        return parent;
    }

    /** Whether names of {@code other}'s resources are visible here (outer scope shares the parent's). */
    boolean sharesSymbolsWith(TemplateRun other) {
        return symbols == other.symbols;
    }
}
