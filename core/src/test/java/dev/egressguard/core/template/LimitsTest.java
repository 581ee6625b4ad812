package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void moreThan800ResourcesInOneDeploymentIsAWarning() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "copy": { "name": "a", "count": 500 }, "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01",
                      "name": "[format('a{0}', copyIndex())]", "location": "westeurope" },
                    { "copy": { "name": "b", "count": 301 }, "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01",
                      "name": "[format('b{0}', copyIndex())]", "location": "westeurope" }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.resources()).hasSize(801);
        assertThat(Fixtures.messages(t, Diagnostic.Level.WARNING)).containsExactly(
                "main.json:4:3: warning: the template deploys 801 resources; Azure allows at most 800 in one deployment");
    }

    @Test
    void aTemplateThatLinksItselfStopsAtTheNestingLimit() throws IOException {
        Files.writeString(dir.resolve("main.json"), """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "again",
                      "properties": { "mode": "Incremental", "templateLink": { "relativePath": "main.json" } } }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        EvaluatedTemplate t = TemplateEvaluator.evaluate(dir.resolve("main.json"), java.util.Optional.empty(),
                dev.egressguard.core.expression.DeploymentContext.DEFAULT, dir);

        assertThat(t.resources()).hasSize(NestedDeployments.MAX_DEPTH + 1);
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).containsExactly(
                "main.json:5:5: error: deployment 'again' nests deployments more than 10 levels deep; it is not evaluated");
    }

    @Test
    void aReferenceCycleBetweenResourcesEndsInUnknowns() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "a", "location": "westeurope",
                      "properties": { "disableBgpRoutePropagation": "[reference('b').disableBgpRoutePropagation]" } },
                    { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "b", "location": "westeurope",
                      "properties": { "disableBgpRoutePropagation": "[reference('a').disableBgpRoutePropagation]" } }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.resources()).hasSize(2);
        assertThat(t.unknownCount()).isEqualTo(2);
        assertThat(t.diagnostics()).isEmpty();
    }

    @Test
    void aNestedTemplateThatReadsItsOwnOutputsEndsInUnknowns() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%1$s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "loop",
                      "properties": { "mode": "Incremental", "template": {
                        "$schema": "%1$s", "contentVersion": "1.0.0.0",
                        "resources": [ { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "rt",
                                         "location": "westeurope", "tags": { "x": "[reference('loop').outputs.x.value]" } } ],
                        "outputs": { "x": { "type": "string", "value": "[reference('rt').location]" } } } } }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.resources()).hasSize(2);
        assertThat(t.diagnostics()).noneMatch(d -> d.message().contains("internal"));
        assertThat(Fixtures.at(t.resources().get(1), "tags.x")).isInstanceOf(dev.egressguard.core.value.Value.Unknown.class);
    }
}
