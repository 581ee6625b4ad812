package dev.egressguard.core.hostile;

import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.TemplateBudgets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One evaluation budget per template file (issue 13, case 4): lambdas nested in lambdas and
 * accumulators that grow at every step end that file with an error at the expression, the other
 * files go on, and no real template comes near the budget.
 */
class EvaluationBudgetTest {

    @TempDir
    Path dir;

    private static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private Path template(String name, String outputValue) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"$schema": "%s", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01",
                   "name": "nsg", "properties": {"x": "%s"}}]}""".formatted(SCHEMA, outputValue));
    }

    @Test
    void nestedReduceEndsTheFileAtTheStepBudget() throws IOException {
        long start = System.nanoTime();
        Path file = template("nested.json", "[reduce(range(0, 10000), 0, lambda('a', 'b', reduce(range(0, 10000), "
                + "lambdaVariables('a'), lambda('c', 'd', add(lambdaVariables('c'), 1)))))]");
        TemplateBudgets.Outcome out = TemplateBudgets.evaluate(file, dir, EvaluationBudget.forFile("nested.json"));

        assertThat(out.template().resources()).isEmpty();
        assertThat(out.template().diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.message()).startsWith("evaluation of nested.json stopped here: its expressions take more than "
                    + "20,000,000 evaluation steps");
        });
        assertThat(out.budget().stepsUsed()).isEqualTo(EvaluationBudget.MAX_STEPS + 1);
        System.out.printf("the step budget ran out after %,d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void anAccumulatorThatGrowsEveryStepEndsTheFileAtTheValueBudget() throws IOException {
        Path file = template("growing.json",
                "[length(reduce(range(0, 10000), createArray(), lambda('acc', 'i', concat(lambdaVariables('acc'), "
                        + "createArray(lambdaVariables('i'), 1, 2, 3)))))]");
        TemplateBudgets.Outcome out = TemplateBudgets.evaluate(file, dir, EvaluationBudget.forFile("growing.json"));

        assertThat(out.template().resources()).isEmpty();
        assertThat(out.template().diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .startsWith("evaluation of growing.json stopped here: its functions build more than 20,000,000 values"));
        assertThat(out.budget().valuesUsed()).isGreaterThan(EvaluationBudget.MAX_VALUES);
    }

    @Test
    void aFileThatFitsItsBudgetIsCheckedAsBefore() throws IOException {
        Path file = template("small.json", "[reduce(range(0, 100), 0, lambda('a', 'b', add(lambdaVariables('a'), 1)))]");
        TemplateBudgets.Outcome out = TemplateBudgets.evaluate(file, dir, EvaluationBudget.forFile("small.json"));

        assertThat(out.template().diagnostics()).isEmpty();
        assertThat(out.template().resources()).hasSize(1);
        assertThat(out.budget().stepsUsed()).isBetween(100L, 10_000L);
    }

    /**
     * The budgets are generous: every template of shared/corpus and shared/corpus-avm (the largest
     * several MB) needs less than a hundredth of each.
     */
    @Test
    void everyRealTemplateStaysFarBelowTheBudget() throws IOException {
        String shared = System.getProperty("egress.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus")), "shared corpus not present");
        List<Path> templates;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of(shared, "corpus")), Files.walk(Path.of(shared, "corpus-avm")))) {
            templates = files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().contains("parameters"))
                    .sorted().toList();
        }
        long maxSteps = 0;
        long maxValues = 0;
        String heaviest = "";
        for (Path t : templates) {
            EvaluationBudget budget = EvaluationBudget.forFile(t.getFileName().toString());
            TemplateBudgets.evaluate(t, Path.of(shared), budget);
            if (budget.stepsUsed() > maxSteps) {
                heaviest = t.toString();
            }
            maxSteps = Math.max(maxSteps, budget.stepsUsed());
            maxValues = Math.max(maxValues, budget.valuesUsed());
        }
        System.out.printf("evaluation budget: the heaviest real template needs %,d steps (%s), at most %,d values%n",
                maxSteps, heaviest, maxValues);
        assertThat(maxSteps).isLessThan(EvaluationBudget.MAX_STEPS / 100);
        assertThat(maxValues).isLessThan(EvaluationBudget.MAX_VALUES / 100);
    }
}
