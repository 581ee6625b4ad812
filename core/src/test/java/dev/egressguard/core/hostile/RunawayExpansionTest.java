package dev.egressguard.core.hostile;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertErrorNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates within every limit Azure sets (800 resources per deployment, 800 copies per loop,
 * nesting) that still expand to hundreds of thousands of resources or more. The template
 * evaluator's budget per file stops each with an error naming the file and the budget, checks
 * none of its resources, and the control template beside it is still checked. The hostile
 * resources are scale sets, which the control rule selects: any of them that leaked through
 * would show up as an evaluation.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunawayExpansionTest {

    private static final String BUDGET = "more than 50,000 resources";

    @TempDir
    Path dir;

    @Test
    void eightHundredNestedDeploymentsOfEightHundredCopies() {
        HostileProject project = new HostileProject(dir);
        // 1 KB of JSON, 640,000 scale sets.
        project.template("fanout.json", """
                [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
                    "name": "[format('d{0}', copyIndex())]", "copy": { "name": "d", "count": 800 },
                    "properties": { "mode": "Incremental", "template": {
                      "$schema": "%s", "contentVersion": "1.0.0.0",
                      "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2023-09-01",
                        "name": "[format('vmss-{0}-{1}', copyIndex('d'), copyIndex())]", "location": "westeurope",
                        "copy": { "name": "v", "count": 800 } } ] } } } ]
                """.formatted(HostileProject.SCHEMA));

        Report report = project.verify();

        assertStoppedByTheBudget(report, "fanout.json");
    }

    @Test
    void aTemplateThatLinksItselfEightHundredTimes() {
        HostileProject project = new HostileProject(dir);
        // 800 copies of itself at each of 10 levels of nesting: 800^10 scale sets.
        project.template("mirror.json", """
                [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2023-09-01",
                    "name": "[concat('vmss-', uniqueString(deployment().name))]", "location": "westeurope" },
                  { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
                    "name": "[format('again{0}', copyIndex())]", "copy": { "name": "again", "count": 800 },
                    "properties": { "mode": "Incremental", "templateLink": { "relativePath": "mirror.json" } } } ]
                """);

        Report report = project.verify();

        assertStoppedByTheBudget(report, "mirror.json");
    }

    private static void assertStoppedByTheBudget(Report report, String file) {
        assertErrorNames(report, file);
        assertThat(report.diagnostics()).anySatisfy(d -> assertThat(d.message())
                .startsWith("evaluation of " + file + " stopped here").contains(BUDGET));
        assertControlChecked(report);
        assertThat(report.evaluations()).extracting(Evaluation::resourceName)
                .containsOnly(HostileProject.CONTROL_RESOURCE);
    }
}
