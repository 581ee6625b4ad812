package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.condition.Condition;
import dev.egressguard.core.rule.condition.EvalContext;
import dev.egressguard.core.rule.condition.RegexBudget;
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
        Condition condition = compile(conditionYaml);
        RegexBudget tested = RegexBudget.perRule();
        RegexBudget evaluated = RegexBudget.perRule();
        Verdict verdict = condition.evaluate(new EvalContext(subject, null, "", graph, settings, evaluated));
        // The truth alone (what the engine asks first) is the verdict's, for the same regex work.
        assertThat(condition.test(new EvalContext(subject, null, "", graph, settings, tested)))
                .as("test() of %s", conditionYaml).isEqualTo(verdict.truth());
        assertThat(tested.mark()).as("regex budget left after test() of %s", conditionYaml).isEqualTo(evaluated.mark());
        return verdict;
    }
}
