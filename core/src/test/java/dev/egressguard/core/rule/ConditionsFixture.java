package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.condition.Condition;
import dev.egressguard.core.rule.condition.EvalContext;
import dev.egressguard.core.rule.condition.Verdict;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles one condition written in YAML and evaluates it on a resource. */
public final class ConditionsFixture {

    private ConditionsFixture() {
    }

    public static Condition compile(String conditionYaml) {
        RuleSet set = RuleSetLoader.parse("t.yaml", RuleFiles.oneRule("'*'", conditionYaml));
        assertThat(set.diagnostics()).as("rule file problems").isEmpty();
        return set.rules().get(0).assertion();
    }

    public static Verdict eval(String conditionYaml, Resource subject, Resource... others) {
        return eval(conditionYaml, Map.of(), subject, others);
    }

    public static Verdict eval(String conditionYaml, Map<String, String> settings, Resource subject, Resource... others) {
        List<Resource> all = new java.util.ArrayList<>(List.of(others));
        all.add(0, subject);
        ResourceGraph graph = ResourceGraph.of(all);
        return compile(conditionYaml).evaluate(EvalContext.of(subject, graph, settings));
    }
}
