package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nested deployment whose {@code properties.template} is an expression, as Bicep writes a
 * module loaded with loadJsonContent: {@code "template": "[variables('$fxv#0')]"}, the variable
 * holding the template with its expressions escaped as {@code [[}.
 */
class ComputedTemplateTest {

    @TempDir
    Path dir;

    private EvaluatedTemplate deploying(String template, String innerParameter) {
        return Inline.evaluate(dir, """
                {
                  "$schema": "%1$s",
                  "contentVersion": "1.0.0.0",
                  "variables": {
                    "$fxv#0": {
                      "$schema": "%1$s",
                      "contentVersion": "1.0.0.0",
                      "parameters": { "tableName": { "type": "string" } },
                      "resources": [
                        {
                          "type": "Microsoft.Network/routeTables",
                          "apiVersion": "2023-04-01",
                          "name": "[[parameters('%3$s')]",
                          "properties": { "disableBgpRoutePropagation": true }
                        }
                      ],
                      "outputs": { "tableId": { "type": "string", "value": "[[resourceId('Microsoft.Network/routeTables', parameters('%3$s'))]" } }
                    }
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Resources/deployments",
                      "apiVersion": "2022-09-01",
                      "name": "tables",
                      "properties": {
                        "mode": "Incremental",
                        "expressionEvaluationOptions": { "scope": "Outer" },
                        "template": "%2$s",
                        "parameters": { "tableName": { "value": "rt-from-variable" } }
                      }
                    },
                    {
                      "type": "Microsoft.Network/routeTables",
                      "apiVersion": "2023-04-01",
                      "name": "reader",
                      "properties": { "seen": "[reference('tables').outputs.tableId.value]" }
                    }
                  ]
                }
                """.formatted(Inline.SCHEMA, template, innerParameter));
    }

    @Test
    void theTemplateAVariableHoldsIsDeployed_withTheParametersGiven() {
        EvaluatedTemplate t = deploying("[variables('$fxv#0')]", "tableName");

        assertThat(t.diagnostics()).isEmpty();
        Resource table = resource(t, "Microsoft.Network/routeTables", "rt-from-variable");
        assertThat(at(table, "properties.disableBgpRoutePropagation")).isEqualTo(Value.Bool.TRUE);
        assertThat(table.provenance().location().line()).as("where the variable writes the resource").isEqualTo(10);
        assertThat(at(resource(t, "Microsoft.Network/routeTables", "reader"), "properties.seen")).isInstanceOfSatisfying(Value.Str.class, s -> assertThat(s.value())
                .endsWith("/providers/Microsoft.Network/routeTables/rt-from-variable"));
    }

    @Test
    void anErrorInsideTheComputedTemplate_isStillAnError_whereTheVariableWritesIt() {
        EvaluatedTemplate t = deploying("[variables('$fxv#0')]", "undeclared");

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).extracting(m -> m.substring(0, m.indexOf(": error")))
                .as("the resource name and the output, as the variable writes them").containsExactly("main.json:13:21",
                        "main.json:17:106");
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR))
                .allSatisfy(m -> assertThat(m).endsWith("the template has no parameter named 'undeclared'"));
    }

    @Test
    void aTemplateExpressionThatIsNoObject_isAnError() {
        EvaluatedTemplate t = deploying("[string('not a template')]", "tableName");

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).containsExactly("main.json:28:9: error: "
                + "properties.template of deployment 'tables' must be an object, but its value is String");
        assertThat(t.resources()).noneMatch(r -> r.name().equals("rt-from-variable"));
    }
}
