package dev.egressguard.core.rule;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ```yaml block of docs/rules-language.md loads without a problem: a doc example that does not load fails the build. */
class DocExamplesTest {

    @Test
    void theDocHasExamples() {
        assertThat(DocExamples.ruleFiles()).hasSizeGreaterThan(10);
        assertThat(DocExamples.blocks()).filteredOn(DocExamples.Block::isExpectedFile).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyYamlBlockLoads() {
        // The '# expected.yaml' blocks are loaded by ruletest.ExpectedFileDocExamplesTest.
        return DocExamples.blocks().stream().filter(block -> !block.isExpectedFile()).map(block -> DynamicTest.dynamicTest(block.label(), () -> {
            List<Diagnostic> problems;
            if (block.isRuleFile()) {
                problems = RuleSetLoader.parse(block.label(), block.text()).diagnostics();
            } else {
                problems = List.of(Diagnostic.error(SourceLocation.of(block.label()),
                        "a yaml block must be a rule file (apiVersion: ...) or start with '# expected.yaml'"));
            }
            assertThat(problems).extracting(Diagnostic::toString).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> ruleIdsAreUniqueAcrossTheDoc() {
        RuleSetLoader loader = new RuleSetLoader();
        DocExamples.ruleFiles().forEach(b -> loader.addText(b.label(), b.text()));
        RuleSet all = loader.load();
        return Stream.of(DynamicTest.dynamicTest("unique ids", () ->
                assertThat(all.diagnostics()).extracting(Diagnostic::toString).isEmpty()));
    }
}
