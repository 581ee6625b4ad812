package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressModel;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.report.map.MapFormat;
import dev.egressguard.core.report.map.MapOptions;
import dev.egressguard.core.report.map.MapWriter;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as a template file, through the loader and the evaluator, then the egress model and
 * every map format. Bad input is diagnostics naming the file; the evaluator also turns its own
 * defects into an "internal error" diagnostic, and the egress model its own into an UNKNOWN path
 * that asks to be reported as a bug, so a run goes on: exactly what this target treats as a crash. A sibling module lets
 * seeds link a template with {@code relativePath}. Seeds: corpus-shaped templates and hostile ones.
 */
class TemplateFuzzTest {

    private static Path project;

    @BeforeAll
    static void project() throws IOException {
        project = Files.createTempDirectory("egress-fuzz-template");
        Files.writeString(project.resolve("module.json"), """
                { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "name": { "type": "string", "defaultValue": "linked" } },
                  "resources": [ { "type": "Microsoft.Network/natGateways", "apiVersion": "2023-09-01",
                                   "name": "[parameters('name')]", "location": "westeurope" } ],
                  "outputs": { "id": { "type": "string",
                    "value": "[resourceId('Microsoft.Network/natGateways', parameters('name'))]" } } }
                """);
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void loadAndEvaluate(byte[] input) throws IOException {
        Path template = Files.write(project.resolve("main.json"), input);

        EvaluatedTemplate result = TemplateEvaluator.evaluate(template, Optional.empty(), DeploymentContext.DEFAULT, project);

        assertThat(result.resources()).isNotNull();
        EgressMap map = new EgressMap(EgressModel.of(ResourceGraph.normalized(result.resources())).nodes());
        assertThat(map.nodes()).allSatisfy(n -> assertThat(n.egress().reason()).doesNotContain("please report this as a bug"));
        for (MapFormat format : MapFormat.values()) {
            assertThat(MapWriter.render(map, format, MapOptions.defaults())).isNotNull();
        }
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.message()).doesNotContain("internal error").doesNotContain("\tat ");
            if (d.level() == Diagnostic.Level.ERROR) {
                assertThat(d.location().file()).endsWith(".json");
            }
        });
    }
}
