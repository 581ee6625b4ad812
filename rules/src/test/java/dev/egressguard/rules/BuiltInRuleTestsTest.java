package dev.egressguard.rules;

import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.ruletest.RuleTestResult;
import dev.egressguard.core.ruletest.RuleTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in pack's own rule tests, run the way users run theirs ({@code egress rules test},
 * {@code egress:test-rules}): one folder per case under {@code src/test/resources/rule-tests/tests/},
 * a {@code template.json} and an {@code expected.yaml} listing every finding of every built-in
 * rule on it (rule, outcome, resource, path and message), through {@link RuleTestRunner}, which
 * evaluates and normalises the template like a real run. A case is named after the rule it is
 * about and the verdict it shows: {@code EG002-unknown-subnet-from-reference}.
 */
class BuiltInRuleTestsTest {

    static final String TESTS = "rule-tests/" + RuleTestRunner.TESTS_FOLDER;

    private static final RuleTestRunner RUNNER = new RuleTestRunner(Pipeline.builtInRules(), Pipeline.templates(),
            RuleEngine.Options.DEFAULT);

    static Path testsDir() {
        try {
            return Path.of(BuiltInRuleTestsTest.class.getResource("/" + TESTS).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(testsDir())) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheExpectedFindings(String name) {
        RuleTestResult.Case c = RUNNER.runCase(testsDir().resolve(name));

        assertThat(c.status()).as(name + "\n" + String.join("\n", c.differences()) + "\n" + c.diagnostics())
                .isEqualTo(RuleTestResult.Status.PASSED);
    }

    @Test
    void everyRuleHasPassingFailingAndUnknownCases() throws IOException {
        List<String> names = cases().toList();

        assertThat(names).allMatch(n -> n.matches("EG00[1-6]-(pass|fail|unknown)-[a-z0-9-]+"));
        for (String rule : List.of("EG001", "EG002", "EG003", "EG005", "EG006")) {
            for (String verdict : List.of("pass", "fail", "unknown")) {
                assertThat(names).as(rule + " " + verdict).anyMatch(n -> n.startsWith(rule + "-" + verdict + "-"));
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("EG004-pass-")).anyMatch(n -> n.startsWith("EG004-fail-"));
    }

    @Test
    void theWholeFolderPassesAsOneRun() {
        RuleTestResult result = RUNNER.run(testsDir());

        assertThat(result.passed()).as(result.describe()).isTrue();
        assertThat(result.count(RuleTestResult.Status.PASSED)).isEqualTo(79);
    }
}
