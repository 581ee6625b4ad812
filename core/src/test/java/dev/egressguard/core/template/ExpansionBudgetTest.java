package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget counts every resource a template file expands to: each copy, and the resources of
 * its nested deployments. The template below deploys 3 nested deployments of 4 route tables each,
 * 15 resources: a budget of 15 evaluates it all, a budget of 14 stops at the fifteenth.
 */
class ExpansionBudgetTest {

    private static final String THREE_DEPLOYMENTS_OF_FOUR = """
            {
              "$schema": "%s",
              "contentVersion": "1.0.0.0",
              "resources": [
                { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
                  "name": "[format('d{0}', copyIndex())]", "copy": { "name": "deployments", "count": 3 },
                  "properties": { "mode": "Incremental", "template": {
                    "$schema": "%1$s", "contentVersion": "1.0.0.0",
                    "resources": [
                      { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01",
                        "name": "[format('rt{0}-{1}', copyIndex('deployments'), copyIndex())]",
                        "copy": { "name": "tables", "count": 4 }, "location": "westeurope" } ] } } }
              ]
            }
            """.formatted(Inline.SCHEMA);

    @TempDir
    Path dir;

    @Test
    void aTemplateWithinTheBudgetIsEvaluatedWhole() throws IOException {
        EvaluatedTemplate t = evaluate(15);

        assertThat(t.resources()).hasSize(15);
        assertThat(t.diagnostics()).isEmpty();
    }

    @Test
    void oneResourceOverTheBudgetStopsTheFile_withAnErrorAtTheDeclarationThatCrossedIt() throws IOException {
        EvaluatedTemplate t = evaluate(14);

        assertThat(t.resources()).isEmpty();
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).containsExactly(
                "main.json:10:11: error: evaluation of main.json stopped here: with its copy loops and nested "
                        + "deployments it expands to more than 14 resources, Egress Guard's budget for one template "
                        + "file (Azure allows 800 per deployment); none of its resources are checked");
    }

    private EvaluatedTemplate evaluate(int budget) throws IOException {
        Path file = Files.writeString(dir.resolve("main.json"), THREE_DEPLOYMENTS_OF_FOUR);
        return TemplateEvaluator.evaluate(file, Optional.empty(), DeploymentContext.DEFAULT, dir, budget);
    }
}
