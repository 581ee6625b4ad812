package dev.egressguard.core.hostile;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertErrorNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule files are code people write and share: a catastrophic regular expression must not hang the
 * build, and a rule file that explodes when parsed is an error naming it while the other rule
 * files still run.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRulesTest {

    /**
     * 40 a's and a bang. Java's engine memoises simple nested loops such as {@code ^(a+)+$}, but
     * {@code (.*a){20}$} still tries every way to cut 40 characters into 20 pieces before it
     * gives up: about 10^11 attempts.
     */
    private static final String BACKTRACKING_NAME = "a".repeat(40) + "!";

    @TempDir
    Path dir;

    private HostileProject project(String hostileRuleFile, String hostileRules) {
        HostileProject project = new HostileProject(dir);
        return project.rules(project.write("rules/" + hostileRuleFile, hostileRules));
    }

    private static String rule(String id, String assertion) {
        return """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: %s
                    name: hostile-rule
                    title: A rule written to hurt
                    severity: error
                    select:
                      type: Microsoft.Compute/virtualMachineScaleSets
                    assert: %s
                    message: "'{name}' failed."
                """.formatted(id, assertion);
    }

    @Test
    void catastrophicRegexIsCutOffByTheStepBudget() {
        HostileProject project = project("bomb.yaml", rule("HOSTILE1", "{ field: name, match: '(.*a){20}$' }"));
        project.write("victim.json", HostileProject.CONTROL_TEMPLATE.replace(HostileProject.CONTROL_RESOURCE, BACKTRACKING_NAME));

        Report report = project.verify();

        boolean unknownWithReason = report.findings().stream().anyMatch(f -> f.ruleId().equals("HOSTILE1")
                && f.outcome() == Outcome.UNKNOWN && f.resourceName().equals(BACKTRACKING_NAME) && !f.message().isBlank());
        boolean refusedAtLoad = report.diagnostics().stream().anyMatch(d -> d.location().file().endsWith("bomb.yaml"));
        assertThat(unknownWithReason || refusedAtLoad)
                .as("an UNKNOWN finding for %s or an error naming bomb.yaml; findings %s, diagnostics %s",
                        BACKTRACKING_NAME, report.findings(), report.diagnostics())
                .isTrue();
        assertThat(report.evaluations()).filteredOn(e -> e.ruleId().equals("CTRL1")).extracting(Evaluation::resourceName)
                .contains(HostileProject.CONTROL_RESOURCE, BACKTRACKING_NAME);
    }

    /**
     * Issue 13, case 4: a backtracking pattern over {@code properties.list[*]} of 800 copies of a
     * 1,000-item list spent the per-value budget 800,000 times (past 60 s). One budget per rule
     * ends it: every check of the rule is UNKNOWN with the reason, the other rules run.
     */
    @Test
    void aBacktrackingPatternOverManyValuesSpendsTheRulesBudget() {
        HostileProject project = project("spread.yaml", rule("HOSTILE5", "{ field: 'properties.list[*]', match: '(.*.){20}!$' }"));
        project.write("many.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2023-09-01",
                   "name": "[concat('many-', copyIndex())]", "location": "westeurope",
                   "copy": {"name": "many", "count": 800},
                   "properties": {"list": "[map(range(0, 1000), lambda('i', '%s'))]"}}]}
                """.formatted("a".repeat(40)));

        Report report = project.verify();

        var hostile = report.findings().stream().filter(f -> f.ruleId().equals("HOSTILE5")).toList();
        assertThat(hostile).hasSize(800).allMatch(f -> f.outcome() == Outcome.UNKNOWN);
        assertThat(hostile).anyMatch(f -> f.message().contains("have read more than 100,000,000 characters in this run, "
                + "Egress Guard's budget for one rule"));
        assertControlChecked(report);
    }

    @Test
    void invalidRegexIsAnErrorNamingTheRuleFile() {
        HostileProject project = project("broken.yaml", rule("HOSTILE2", "{ field: name, match: '(unclosed[' }"));

        Report report = project.verify();

        assertErrorNames(report, "broken.yaml");
        assertControlChecked(report);
    }

    @Test
    void yamlAliasBomb() {
        String laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + IntStream.rangeClosed('b', 'j').mapToObj(c -> {
                    String prev = String.valueOf((char) (c - 1));
                    String refs = IntStream.range(0, 9).mapToObj(i -> "*" + prev).collect(Collectors.joining(","));
                    return (char) c + ": &" + (char) c + " [" + refs + "]";
                }).collect(Collectors.joining("\n"))
                + "\napiVersion: egressguard.dev/v1\nkind: RuleSet\nrules: *j\n";
        HostileProject project = project("laughs.yaml", laughs);

        Report report = project.verify();

        assertErrorNames(report, "laughs.yaml");
        assertControlChecked(report);
    }

    @Test
    void tenThousandDeepCondition() {
        String deep = "{ not: ".repeat(10_000) + "{ field: name, exists: true }" + " }".repeat(10_000);
        HostileProject project = project("deep.yaml", rule("HOSTILE3", deep));

        Report report = project.verify();

        assertErrorNames(report, "deep.yaml");
        assertControlChecked(report);
    }

    @Test
    void ruleFileThatIsNotYaml() {
        HostileProject project = new HostileProject(dir);
        project.rules(project.writeBytes("rules/garbage.yaml", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0x41, '\t', ':', '[', '{'}));

        Report report = project.verify();

        assertErrorNames(report, "garbage.yaml");
        assertControlChecked(report);
    }
}
