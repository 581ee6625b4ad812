package dev.egressguard.core.hostile;

import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that is not what it should be (a credentials file, a token pasted by mistake) must not
 * come back quoted in the error about it: Jackson's and SnakeYAML's own messages repeat the
 * offending text ("Unrecognized token '...'", "found undefined alias ..."). Each error names the
 * file, line and column and the kind of token, never the token.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnquotedSyntaxErrorsTest {

    /** Secret-looking, long and unique: the assertion that it is absent cannot pass by accident. */
    private static final String TOKEN = "ghp_Zx9Qw7Lk3Vb8Nm2Rt6Yu1Io4Pa5Sd0Fg";

    @TempDir
    Path dir;

    @Test
    void anUnquotedWordInATemplate() {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", "[ " + TOKEN + " ]");

        Report report = project.verify();

        assertError(report, "main.json", "malformed JSON: an unexpected word where a value should start");
        assertControlChecked(report);
    }

    @Test
    void aPasswdLineSavedAsJson() {
        HostileProject project = new HostileProject(dir);
        project.write("infra/users.json", "root:x:0:0:" + TOKEN + ":/root:/bin/bash\n");

        Report report = project.verify();

        assertError(report, "users.json", "an unexpected word where a value should start");
        assertControlChecked(report);
    }

    @Test
    void aBrokenParameterFile() {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", "[]");
        project.write("infra/main.parameters.json", "{ \"parameters\": { \"a\": { \"value\": \"x\" " + TOKEN + " } } }");

        Report report = project.verify();

        assertError(report, "main.parameters.json", "an unexpected letter where ',' or '}' should follow");
        assertControlChecked(report);
    }

    @Test
    void anUndefinedAliasInARuleFile() {
        HostileProject project = new HostileProject(dir);
        project.rules(project.write("rules/alias.yaml", "rules: *" + TOKEN + "\n"));

        Report report = project.verify();

        assertError(report, "alias.yaml", "not valid YAML: found an alias to an anchor that is not defined");
        assertControlChecked(report);
    }

    @Test
    void anUndefinedTagHandleInARuleFile() {
        HostileProject project = new HostileProject(dir);
        project.rules(project.write("rules/tag.yaml", "rules: !" + TOKEN + "!x y\n"));

        Report report = project.verify();

        assertError(report, "tag.yaml", "found a tag handle that is not defined");
        assertControlChecked(report);
    }

    @Test
    void aRuleFileThatIsOnePlainText() {
        HostileProject project = new HostileProject(dir);
        project.rules(project.write("rules/env.yaml", "AWS_SECRET_ACCESS_KEY=" + TOKEN + "\n"));

        Report report = project.verify();

        assertError(report, "env.yaml", "the rule file is a single plain text");
        assertControlChecked(report);
    }

    @Test
    void anUndefinedAliasInASuppressionFile() {
        HostileProject project = new HostileProject(dir);
        Path file = project.write("egress-suppressions.yaml", "suppressions: [ *" + TOKEN + " ]\n");

        Report report = project.verify(b -> b.suppressionFile(file));

        assertError(report, "egress-suppressions.yaml", "not valid YAML: found an alias to an anchor that is not defined");
        assertControlChecked(report);
    }

    @Test
    void anUnquotedWordInABaseline() {
        HostileProject project = new HostileProject(dir);
        Path file = project.write("egress-baseline.json", "{ \"egressGuardBaseline\": 1, \"findings\": [ " + TOKEN + " ] }");

        Report report = project.verify(b -> b.baseline(file));

        assertError(report, "egress-baseline.json", "baseline is not valid JSON: an unexpected word where a value"
                + " should start");
        assertControlChecked(report);
    }

    @Test
    void aBaselineFormatThatIsAText() {
        HostileProject project = new HostileProject(dir);
        Path file = project.write("egress-baseline.json", "{ \"egressGuardBaseline\": \"" + TOKEN + "\", \"findings\": [] }");

        Report report = project.verify(b -> b.baseline(file));

        assertError(report, "egress-baseline.json", "is not understood");
    }

    /** An ERROR at a line and column of {@code fileName} says {@code what}; no diagnostic quotes the token. */
    private static void assertError(Report report, String fileName, String what) {
        assertThat(report.diagnostics()).as("diagnostics").anySatisfy(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().file()).endsWith(fileName);
            assertThat(d.location().line()).isPositive();
            assertThat(d.location().column()).isPositive();
            assertThat(d.message()).contains(what);
            assertReadable(d);
        });
        assertThat(report.diagnostics()).allSatisfy(d -> assertThat(d.toString()).doesNotContain(TOKEN));
    }
}
