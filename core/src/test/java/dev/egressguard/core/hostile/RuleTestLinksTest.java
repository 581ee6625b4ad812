package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.ruletest.RuleTestResult;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.egressguard.core.hostile.HostileProject.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress rules test DIR} and the plugin's {@code test-rules} read a rule directory that a
 * pull request controls: a case whose {@code template.json}, parameter file or
 * {@code expected.yaml} links outside the directory is an ERROR case naming the file, nothing of
 * the outside file is read, and the other cases still run. A link that stays inside is followed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RuleTestLinksTest {

    /** The control rule passes the control template's scale set: no finding is expected. */
    private static final String EXPECTED = "none\n";

    @TempDir
    Path tmp;

    private Path outside;
    private Path rules;

    @BeforeEach
    void outsideFilesAndRuleDirectory() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("shadow"), LinksOutOfTheProjectTest.PASSWD_LINE);
        Files.writeString(outside.resolve("secret.parameters.json"), LinksOutOfTheProjectTest.SECRET_PARAMETERS);
        rules = Files.createDirectories(tmp.resolve("project/policy"));
        Files.writeString(rules.resolve("control.yaml"), HostileProject.CONTROL_RULE);
        testCase("good", HostileProject.CONTROL_TEMPLATE, EXPECTED);
    }

    @Test
    void aTemplateThatLinksOut() throws IOException {
        Path dir = Files.createDirectories(rules.resolve("tests/leak"));
        Files.writeString(dir.resolve("expected.yaml"), EXPECTED);
        link(dir.resolve("template.json"), outside.resolve("shadow"));

        RuleTestResult result = testRules();

        assertErrorCase(result, "leak", "template.json");
        assertGoodCasePassed(result);
        assertNoSecret(result);
    }

    @Test
    void anExpectedFileThatLinksOut() throws IOException {
        Path dir = Files.createDirectories(rules.resolve("tests/leak"));
        Files.writeString(dir.resolve("template.json"), HostileProject.CONTROL_TEMPLATE);
        link(dir.resolve("expected.yaml"), outside.resolve("shadow"));

        RuleTestResult result = testRules();

        assertErrorCase(result, "leak", "expected.yaml");
        assertGoodCasePassed(result);
        assertNoSecret(result);
    }

    @Test
    void aParameterFileThatLinksOut() throws IOException {
        Path dir = testCase("leak", LinksOutOfTheProjectTest.parameterisedTemplate(), "none\n");
        link(dir.resolve("parameters.json"), outside.resolve("secret.parameters.json"));

        RuleTestResult result = testRules();

        assertErrorCase(result, "leak", "parameters.json");
        assertGoodCasePassed(result);
        assertNoSecret(result);
    }

    @Test
    void aRuleFileThatLinksOut() throws IOException {
        link(rules.resolve("leak.yaml"), outside.resolve("shadow"));

        RuleTestResult result = testRules();

        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().file()).endsWith("leak.yaml");
            assertThat(d.message()).contains("outside").contains("not read");
        });
        assertThat(result.passed()).isFalse();
        assertGoodCasePassed(result);
        assertNoSecret(result);
    }

    @Test
    void linksThatStayInsideTheDirectoryAreFollowed() throws IOException {
        Path dir = Files.createDirectories(rules.resolve("tests/linked"));
        link(dir.resolve("template.json"), rules.resolve("tests/good/template.json"));
        link(dir.resolve("expected.yaml"), rules.resolve("tests/good/expected.yaml"));

        RuleTestResult result = testRules();

        assertThat(result.passed()).as(result.describe()).isTrue();
        assertThat(result.count(RuleTestResult.Status.PASSED)).isEqualTo(2);
    }

    private Path testCase(String name, String template, String expected) throws IOException {
        Path dir = Files.createDirectories(rules.resolve("tests").resolve(name));
        Files.writeString(dir.resolve("template.json"), template);
        Files.writeString(dir.resolve("expected.yaml"), expected);
        return dir;
    }

    private RuleTestResult testRules() {
        return EgressGuard.builder().builtInRules(false).build().testRules(rules);
    }

    private static void link(Path link, Path target) {
        HostileProject.symlink(link, target);
    }

    /** The case is an ERROR (the run fails) whose diagnostic names the file and says it leads outside. */
    private static void assertErrorCase(RuleTestResult result, String name, String fileName) {
        assertThat(result.passed()).isFalse();
        assertThat(result.cases()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.status()).isEqualTo(RuleTestResult.Status.ERROR);
            assertThat(c.diagnostics()).anySatisfy(d -> {
                assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
                assertThat(d.location().file()).endsWith(fileName);
                assertThat(d.message()).contains("outside").contains("not read");
                assertReadable(d);
            });
        });
    }

    private static void assertGoodCasePassed(RuleTestResult result) {
        assertThat(result.cases()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("good");
            assertThat(c.status()).as(result.describe()).isEqualTo(RuleTestResult.Status.PASSED);
        });
    }

    private static void assertNoSecret(RuleTestResult result) {
        List<String> texts = new ArrayList<>(List.of(result.describe()));
        result.diagnostics().forEach(d -> texts.add(d.toString()));
        result.cases().forEach(c -> texts.add(c.toString()));
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(LinksOutOfTheProjectTest.JSON_SECRET)
                .doesNotContain(LinksOutOfTheProjectTest.PASSWD_SECRET).doesNotContain("root:x:0:0"));
    }
}
