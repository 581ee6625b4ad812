package dev.egressguard.rules;

import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in pack is parsed once per JVM: a build runs the plugin once per module. */
class BuiltInRuleSetTest {

    @Test
    void everyLoadSharesTheOneParsedPack() {
        RuleSet first = RuleSetLoader.load(List.of(), true);
        RuleSet second = new RuleSetLoader().addBuiltIn().load();

        assertThat(first.rules()).extracting(Rule::id).containsExactly("EG001", "EG002", "EG003", "EG004", "EG005", "EG006");
        assertThat(first.diagnostics()).isEmpty();
        for (int i = 0; i < first.rules().size(); i++) {
            assertThat(second.rules().get(i)).isSameAs(first.rules().get(i));
        }
    }

    @Test
    void aLoaderOfItsOwnStillReadsThePackAfresh() {
        RuleSet shared = RuleSetLoader.load(List.of(), true);
        ClassLoader other = new ClassLoader(RuleSetLoader.class.getClassLoader()) { };

        RuleSet fresh = new RuleSetLoader().addBuiltIn(other).load();

        assertThat(fresh.rules()).extracting(Rule::id).containsExactlyElementsOf(
                shared.rules().stream().map(Rule::id).toList());
        assertThat(fresh.rules().get(0)).isNotSameAs(shared.rules().get(0));
    }
}
