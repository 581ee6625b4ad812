package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionFileTest {

    @Test
    void readsEntriesWithTheirPlaces() {
        SuppressionFile file = SuppressionFile.parse("egress-suppressions.yaml", """
                apiVersion: egressguard.dev/v1
                kind: Suppressions
                suppressions:
                  - rule: EG002
                    resource: "*/virtualNetworks/legacy-vnet/subnets/*"
                    justification: Legacy network, replaced in Q3 (INFRA-118)
                    expires: 2027-01-31
                  - rule: no-instance-public-ip
                    resource: workers
                    justification: Bastion pool
                """);

        assertThat(file.diagnostics()).isEmpty();
        assertThat(file.entries()).hasSize(2);
        SuppressionEntry first = file.entries().get(0);
        assertThat(first.kind()).isEqualTo(Finding.Suppression.Kind.FILE);
        assertThat(first.rule()).isEqualTo("EG002");
        assertThat(first.resource()).isEqualTo("*/virtualNetworks/legacy-vnet/subnets/*");
        assertThat(first.justification()).isEqualTo("Legacy network, replaced in Q3 (INFRA-118)");
        assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(first.source().toString()).isEqualTo("egress-suppressions.yaml:4:5");
        assertThat(file.entries().get(1).expires()).isNull();
        assertThat(file.entries().get(1).source().line()).isEqualTo(8);
    }

    @Test
    void everyMistakeIsADiagnosticAtItsPlaceAndGoodEntriesStillCount() {
        SuppressionFile file = SuppressionFile.parse("s.yaml", """
                suppressions:
                  - rule: EG002
                    resource: "*"
                  - rule: EG001
                    resource: workers
                    justifcation: typo
                  - rule: EG001
                    resource: workers
                    justification: "   "
                  - rule: EG001
                    resource: [a, b]
                    justification: ok
                  - rule: EG001
                    resource: workers
                    justification: ok
                    expires: next year
                  - just a string
                  - rule: EG003
                    resource: aks
                    justification: fine
                """);

        assertThat(file.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "s.yaml:2:5: error: a suppression needs 'justification': say why the finding is acceptable",
                "s.yaml:6:5: error: unknown key 'justifcation' in a suppression (did you mean 'justification'?); the keys are"
                        + " rule, resource, justification, expires",
                "s.yaml:4:5: error: a suppression needs 'justification': say why the finding is acceptable",
                "s.yaml:9:20: error: 'justification' must not be empty: say why the finding is acceptable",
                "s.yaml:11:15: error: 'resource' must be a single value",
                "s.yaml:16:14: error: 'expires' must be a date as YYYY-MM-DD, not 'next year'",
                "s.yaml:17:5: error: a suppression must be a mapping of rule, resource, justification, expires");
        assertThat(file.entries()).extracting(SuppressionEntry::rule).containsExactly("EG003");
    }

    @Test
    void brokenYamlIsOneDiagnosticWithLineAndColumn() {
        SuppressionFile file = SuppressionFile.parse("s.yaml", "suppressions:\n  - rule: EG002\n    resource: [unclosed\n");

        assertThat(file.entries()).isEmpty();
        assertThat(file.diagnostics()).hasSize(1);
        Diagnostic d = file.diagnostics().get(0);
        assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
        assertThat(d.location().line()).isEqualTo(4);
        assertThat(d.message()).startsWith("not valid YAML: ");
    }

    @Test
    void wrongHeaderAndMissingListAreReported() {
        assertThat(SuppressionFile.parse("s.yaml", "kind: RuleSet\nsuppressions: []\n").diagnostics())
                .extracting(Diagnostic::toString).containsExactly("s.yaml:1:7: error: 'kind' must be Suppressions, not 'RuleSet'");
        assertThat(SuppressionFile.parse("s.yaml", "apiVersion: egressguard.dev/v1\n").diagnostics())
                .extracting(Diagnostic::message).containsExactly("missing 'suppressions' (a list of {rule, resource, justification, expires})");
        assertThat(SuppressionFile.parse("s.yaml", "").diagnostics())
                .extracting(Diagnostic::message).containsExactly("suppression file is empty; it needs a 'suppressions' list");
        assertThat(SuppressionFile.parse("s.yaml", "suppressions:\n  rule: EG002\n").diagnostics())
                .extracting(Diagnostic::toString).containsExactly("s.yaml:2:3: error: 'suppressions' must be a list");
    }

    @Test
    void tagsThatWouldBuildJavaObjectsAndAliasBombsAreRefused() {
        SuppressionFile tagged = SuppressionFile.parse("s.yaml",
                "suppressions:\n  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        assertThat(tagged.entries()).isEmpty();
        assertThat(tagged.diagnostics()).isNotEmpty();

        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'm'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        bomb.append("suppressions: *m\n");
        SuppressionFile file = SuppressionFile.parse("s.yaml", bomb.toString());
        assertThat(file.entries()).isEmpty();
        assertThat(file.diagnostics()).extracting(Diagnostic::message).anyMatch(m -> m.startsWith("not valid YAML"));
    }

    /** The input RuleFuzzTest found for rule files ("!%2"): a tag SnakeYAML refuses outside its own exceptions. */
    @Test
    void aTagWithAPercentEscapeIsInvalidYaml() {
        SuppressionFile file = SuppressionFile.parse("s.yaml", "!%2");

        assertThat(file.entries()).isEmpty();
        assertThat(file.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("s.yaml: error: not valid YAML: Tag must not contain leading or trailing spaces.");
    }

    /** Read by the one YAML reader: a tag that is not plain YAML is named with its place, as in rule files. */
    @Test
    void aTagThatIsNotPlainYamlIsNamedWithItsPlace() {
        SuppressionFile file = SuppressionFile.parse("s.yaml", "suppressions:\n  - rule: !custom EG001\n");

        assertThat(file.entries()).isEmpty();
        assertThat(file.diagnostics()).extracting(Diagnostic::toString).containsExactly("s.yaml:2:11: error: the tag !custom "
                + "is not allowed: suppression files hold plain maps, lists and scalars, and nothing in them is ever run");
    }

    @Test
    void duplicateKeysAreAnError() {
        SuppressionFile file = SuppressionFile.parse("s.yaml", """
                suppressions:
                  - rule: EG001
                    rule: EG002
                    resource: x
                    justification: y
                """);
        assertThat(file.entries()).isEmpty();
        assertThat(file.diagnostics()).extracting(Diagnostic::toString).containsExactly("s.yaml:3:5: error: 'rule' is given twice");
    }

    @Test
    void loadsFromDiskAndReportsAMissingFile(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("egress-suppressions.yaml");
        Files.writeString(path, "suppressions:\n  - rule: EG001\n    resource: workers\n    justification: ok\n");

        assertThat(SuppressionFile.load(path).entries()).hasSize(1);
        assertThat(SuppressionFile.load(path).entries().get(0).source().file()).isEqualTo(path.toString());
        SuppressionFile missing = SuppressionFile.load(dir.resolve("nope.yaml"));
        assertThat(missing.diagnostics()).extracting(Diagnostic::message).containsExactly("suppression file not found");
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
        assertThat(SuppressionFile.load(dir.resolve("latin1.yaml")).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("suppression file is not UTF-8 text");
    }
}
