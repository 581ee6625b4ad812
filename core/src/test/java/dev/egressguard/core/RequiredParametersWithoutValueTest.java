package dev.egressguard.core;

import dev.egressguard.core.report.ConsoleReporter;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.JsonReporter;
import dev.egressguard.core.report.MarkdownReporter;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ToolInfo;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 1: a template checked without the values of its required parameters turns its
 * FAILs into UNKNOWNs; the run says how many had no value, in the diagnostics and the summaries.
 */
class RequiredParametersWithoutValueTest {

    private static final String TEMPLATE = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {
                "prefix": { "type": "string" },
                "size": { "type": "string" },
                "location": { "type": "string", "defaultValue": "westeurope" }
              },
              "resources": []
            }
            """;

    private static final String PARAMETERS = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "prefix": { "value": "prod" } }
            }
            """;

    @TempDir
    Path dir;

    private Report verify() {
        return EgressGuard.builder().projectRoot(dir).build().verify(List.of(dir));
    }

    @Test
    void withoutAParameterFileEachTemplateSaysWhichHaveNoValue_andTheSummariesCountThem() throws IOException {
        Files.writeString(dir.resolve("main.json"), TEMPLATE);

        Report report = verify();

        assertThat(report.requiredParametersWithoutValue()).isEqualTo(2);
        assertThat(report.diagnostics()).extracting(Diagnostic::toString).contains("main.json:5:5: info: 2 required"
                + " parameters ('prefix', 'size') have no value (no parameter file goes with the template): what is built"
                + " from them is UNKNOWN");
        DisplayPaths paths = new DisplayPaths(dir);
        assertThat(new ConsoleReporter(paths, false).lines(report)).last().asString()
                .endsWith("; 2 required parameters without a value");
        assertThat(new JsonReporter(ToolInfo.current(), paths).toJson(report).get("summary")
                .get("requiredParametersWithoutValue").asInt()).isEqualTo(2);
        assertThat(new MarkdownReporter(paths, 10).render(report)).contains("**2 required parameters had no value**");
    }

    @Test
    void aParameterFileThatLeavesOneOutIsAWarning() throws IOException {
        Files.writeString(dir.resolve("main.json"), TEMPLATE);
        Files.writeString(dir.resolve("main.parameters.json"), PARAMETERS);

        Report report = verify();

        assertThat(report.requiredParametersWithoutValue()).isEqualTo(1);
        assertThat(report.diagnostics()).extracting(Diagnostic::toString).contains("main.parameters.json: warning:"
                + " required parameter 'size' has no value in this parameter file of main.json: what is built from it"
                + " is UNKNOWN");
    }

    @Test
    void everyValueGivenCountsNone() throws IOException {
        Files.writeString(dir.resolve("main.json"), TEMPLATE.replace("{ \"type\": \"string\" }",
                "{ \"type\": \"string\", \"defaultValue\": \"x\" }"));

        Report report = verify();

        assertThat(report.requiredParametersWithoutValue()).isZero();
        assertThat(new ConsoleReporter(new DisplayPaths(dir), false).lines(report)).last().asString()
                .doesNotContain("required parameter");
    }
}
