package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.condition.EvalContext;
import dev.egressguard.core.rule.condition.MessageValues;
import dev.egressguard.core.rule.condition.RegexBudget;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.finding.RuleDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Evaluates rules over a resource graph. For each rule (in the order given: file, then line)
 * and each resource it selects (in graph order): the verdict {@code (not where) or assert}.
 * A resource whose {@code where} is FALSE is not one the rule is about and gets no evaluation;
 * TRUE is PASS; FALSE is a FAIL finding; UNKNOWN is an UNKNOWN finding carrying the reasons.
 *
 * <p>An engine is immutable and {@link #evaluate} keeps its state per call, so one engine can
 * check several graphs at once (one per template deployment, in parallel).
 */
public final class RuleEngine {

    /** What a run may change: rules switched off, severities overridden, settings for {@code setting:}. */
    public record Options(Set<String> disabledRules, Map<String, Severity> severityOverrides, Map<String, String> settings) {

        public static final Options DEFAULT = new Options(Set.of(), Map.of(), Map.of());

        public Options {
            disabledRules = disabledRules == null ? Set.of()
                    : disabledRules.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            TreeMap<String, Severity> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (severityOverrides != null) {
                overrides.putAll(severityOverrides);
            }
            severityOverrides = overrides;
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }

        boolean isDisabled(Rule rule) {
            return disabledRules.contains(rule.id().toLowerCase(Locale.ROOT))
                    || disabledRules.contains(rule.name().toLowerCase(Locale.ROOT));
        }

        Severity severityOf(Rule rule) {
            Severity s = severityOverrides.get(rule.id());
            s = s == null ? severityOverrides.get(rule.name()) : s;
            return s == null ? rule.descriptor().severity() : s;
        }
    }

    /** Findings (FAIL and UNKNOWN) and every evaluation, PASS included. */
    public record Result(List<Finding> findings, List<Evaluation> evaluations, List<RuleDescriptor> rules) {
        public Result {
            findings = List.copyOf(findings);
            evaluations = List.copyOf(evaluations);
            rules = List.copyOf(rules);
        }
    }

    private final List<Rule> rules;
    private final Options options;

    public RuleEngine(List<Rule> rules, Options options) {
        this.rules = List.copyOf(rules);
        this.options = Objects.requireNonNull(options, "options");
    }

    public Result evaluate(ResourceGraph graph) {
        List<RuleDescriptor> ran = new ArrayList<>();
        TypeIndex types = new TypeIndex(graph);
        // In the form every context keeps them: made once here, not once per resource.
        Map<String, String> settings = EvalContext.caseInsensitive(options.settings());
        List<RuleRun> runs = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            if (options.isDisabled(rule)) {
                continue;
            }
            Severity severity = options.severityOf(rule);
            RuleDescriptor d = rule.descriptor();
            ran.add(new RuleDescriptor(d.id(), d.name(), d.title(), d.description(), severity, d.remediation(),
                    d.helpUri(), d.tags()));
            runs.add(new RuleRun(rule, severity, types.selectedBy(rule)));
        }
        // Resource by resource, every rule that selects it in turn: the rules read the same few
        // properties of a body, which the first rule brings into the caches for the others (rule
        // by rule over a whole graph, each found them gone again). Each rule keeps its own
        // evaluations, regex budget and order, so the result is the one rule by rule gives.
        for (int i = 0; i < types.resources.size(); i++) {
            Resource resource = types.resources.get(i);
            int type = types.typeOf[i];
            for (int r = 0; r < runs.size(); r++) {
                RuleRun run = runs.get(r);
                if (run.selects[type]) {
                    run.check(resource, graph, settings);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        for (RuleRun run : runs) {
            findings.addAll(run.findings);
            evaluations.addAll(run.evaluations);
        }
        return new Result(findings, evaluations, ran);
    }

    /** One rule's run over a graph: which types it selects, its regex budget, and what it found, in graph order. */
    private static final class RuleRun {
        private final Rule rule;
        private final Severity severity;
        private final boolean[] selects;
        private final RegexBudget regex = RegexBudget.perRule();
        private final List<Finding> findings = new ArrayList<>();
        private final List<Evaluation> evaluations = new ArrayList<>();

        RuleRun(Rule rule, Severity severity, boolean[] selects) {
            this.rule = rule;
            this.severity = severity;
            this.selects = selects;
        }

        /** The rule on one resource it selects: no evaluation when it does not apply, else PASS or a finding. */
        void check(Resource resource, ResourceGraph graph, Map<String, String> settings) {
            EvalContext ctx = new EvalContext(resource, null, "", graph, settings, regex);
            long mark = regex.mark();
            Truth quick = quickTruth(rule, ctx);
            if (quick == Truth.FALSE) {
                return;
            }
            if (quick == Truth.TRUE) {
                // A pass: its evaluation needs no evidence, so no verdict is made.
                evaluations.add(new Evaluation(rule.id(), resource.id().toString(), resource.name(), resource.type(),
                        resource.provenance().location(), Outcome.PASS));
                return;
            }
            // Evaluated again, with the evidence, from the same regex budget.
            regex.reset(mark);
            Verdict verdict = safeVerdict(rule, ctx);
            if (verdict == null) {
                return;
            }
            Outcome outcome = switch (verdict.truth()) {
                case TRUE -> Outcome.PASS;
                case FALSE -> Outcome.FAIL;
                case UNKNOWN -> Outcome.UNKNOWN;
            };
            // A pass is shown by the resource (JUnit lists it under its file); only a finding
            // needs the property's own line, and locating it costs more than the check.
            var location = outcome == Outcome.PASS ? resource.provenance().location()
                    : resource.provenance().locate(verdict.path());
            evaluations.add(new Evaluation(rule.id(), resource.id().toString(), resource.name(), resource.type(),
                    location, outcome));
            if (outcome != Outcome.PASS) {
                findings.add(new Finding(rule.id(), rule.name(), severity, outcome, resource.type(),
                        resource.id().toString(), resource.name(), location, verdict.path(),
                        FindingMessage.render(rule, resource, graph, verdict), rule.descriptor().remediation(),
                        resource.provenance().portalLink(), null));
            }
        }
    }

    /**
     * The graph's resources in graph order, each with a number for its type as spelled: a graph
     * has thousands of resources of a few dozen types, so each rule matches its type patterns once
     * per type ({@link #selectedBy}) instead of once per resource.
     */
    private static final class TypeIndex {
        final List<Resource> resources;
        final int[] typeOf;
        private final List<String> types = new ArrayList<>();

        TypeIndex(ResourceGraph graph) {
            resources = List.copyOf(graph.resources());
            typeOf = new int[resources.size()];
            Map<String, Integer> numbers = new HashMap<>();
            // The resources of one copy loop share their type's string: those are numbered by
            // identity, without comparing the texts (a graph's types are long and share prefixes).
            Map<String, Integer> byInstance = new IdentityHashMap<>();
            for (int i = 0; i < typeOf.length; i++) {
                String type = resources.get(i).type();
                Integer n = byInstance.get(type);
                if (n == null) {
                    n = numbers.get(type);
                    if (n == null) {
                        n = types.size();
                        types.add(type);
                        numbers.put(type, n);
                    }
                    byInstance.put(type, n);
                }
                typeOf[i] = n;
            }
        }

        /** Which of the graph's types {@code rule} selects, by type number. */
        boolean[] selectedBy(Rule rule) {
            boolean[] selects = new boolean[types.size()];
            for (int t = 0; t < selects.length; t++) {
                selects[t] = rule.types().matches(types.get(t));
            }
            return selects;
        }
    }

    /**
     * The outcome of {@link #verdict} in truth alone, without the evidence ({@link
     * dev.egressguard.core.rule.condition.Condition#test}): TRUE when the rule applies and passes,
     * FALSE when it does not apply ({@code where} is FALSE), UNKNOWN when the verdict is needed
     * (a finding, or {@code where} UNKNOWN) and for anything that goes wrong, which
     * {@link #safeVerdict} then meets again and reports.
     */
    private static Truth quickTruth(Rule rule, EvalContext ctx) {
        try {
            if (rule.where() != null) {
                Truth where = rule.where().test(ctx);
                if (where == Truth.FALSE) {
                    return Truth.FALSE;
                }
            }
            return rule.assertion().test(ctx) == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
        } catch (RuntimeException | StackOverflowError e) {
            return Truth.UNKNOWN;
        }
    }

    /**
     * A defect in a condition must not end the whole run without a word: the check becomes
     * UNKNOWN, saying so, and the other checks go on.
     */
    private static Verdict safeVerdict(Rule rule, EvalContext ctx) {
        try {
            return verdict(rule, ctx);
        } catch (RegexBudget.Spent spent) {
            return Verdict.of(Truth.UNKNOWN, "", null, "rule " + rule.id() + " gave up on "
                    + MessageValues.subject(ctx.resource(), ctx.graph()) + ": " + spent.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Verdict.of(Truth.UNKNOWN, "", null, "rule " + rule.id() + " could not be evaluated ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); please report this as a bug");
        }
    }

    /** {@code (not where) or assert}; {@code null} when the rule does not apply (where is FALSE). */
    static Verdict verdict(Rule rule, EvalContext ctx) {
        if (rule.where() == null) {
            return rule.assertion().evaluate(ctx);
        }
        Verdict where = rule.where().evaluate(ctx);
        if (where.isFalse()) {
            return null;
        }
        Verdict assertion = rule.assertion().evaluate(ctx);
        if (where.isTrue() || assertion.isTrue()) {
            return assertion;
        }
        // where UNKNOWN and assert not TRUE: whether the rule applies is itself unknown.
        String subject = MessageValues.subject(ctx.resource(), ctx.graph());
        List<String> reasons = new ArrayList<>();
        // The same unknown often decides both: say it once, in the assert's words when they quote it.
        for (String r : where.reasons()) {
            if (assertion.reasons().stream().noneMatch(a -> !a.equals(r) && a.contains(r))) {
                reasons.add("whether the rule applies to " + subject + " is unknown: " + r);
            }
        }
        for (String r : assertion.reasons()) {
            if (!where.reasons().contains(r)) {
                reasons.add(assertion.isFalse() ? "if it does: " + r : r);
            }
        }
        return new Verdict(Truth.UNKNOWN, assertion.path(), assertion.value(), reasons);
    }
}
