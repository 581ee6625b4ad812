package dev.egressguard.core.ruletest;

import dev.egressguard.core.rule.DocExamples;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code # expected.yaml} block of docs/rules-language.md loads without a problem (the rule files: rule.DocExamplesTest). */
class ExpectedFileDocExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExpectedYamlBlockLoads() {
        List<DocExamples.Block> expected = DocExamples.blocks().stream().filter(DocExamples.Block::isExpectedFile).toList();
        assertThat(expected).isNotEmpty();
        return expected.stream().map(block -> DynamicTest.dynamicTest(block.label(), () ->
                assertThat(ExpectedFindings.parse(block.label(), block.text()).diagnostics())
                        .extracting(Diagnostic::toString).isEmpty()));
    }
}
