package dev.egressguard.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    @Test
    void writesEachFileFormatUnderItsNameAndTheConsoleToItsSink(@TempDir Path dir) throws Exception {
        List<String> console = new ArrayList<>();
        Path out = dir.resolve("target/egress");

        List<Path> written = ReportWriter.write(SampleReports.cluster(), out, EnumSet.allOf(Format.class),
                SampleReports.options().withConsole(console::add));

        assertThat(written).containsExactly(out.resolve("egress-report.json"), out.resolve("egress-report.sarif"),
                out.resolve("TEST-egress.xml"), out.resolve("egress-summary.md"));
        assertThat(written).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        assertThat(Files.readString(out.resolve("egress-report.sarif"))).contains("\"version\" : \"2.1.0\"");
        assertThat(Files.readString(out.resolve("TEST-egress.xml"))).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(console).last().asString().startsWith("Egress Guard: 2 failed");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void onlyTheChosenFormats(@TempDir Path dir) throws Exception {
        List<String> console = new ArrayList<>();
        List<Path> written = ReportWriter.write(SampleReports.clean(), dir, Set.of(Format.SARIF),
                SampleReports.options().withConsole(console::add));

        assertThat(written).containsExactly(dir.resolve("egress-report.sarif"));
        assertThat(console).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void sarifUrisAreRelativeToTheSourceRootTheOtherReportsToTheBaseDirectory(@TempDir Path dir) throws Exception {
        // A module below the repository root: code scanning resolves SARIF URIs from the root.
        Path repository = Path.of("/").toAbsolutePath();
        List<Path> written = ReportWriter.write(SampleReports.cluster(), dir, EnumSet.of(Format.SARIF, Format.JSON),
                SampleReports.options().withSourceRoot(repository));

        com.fasterxml.jackson.databind.JsonNode sarif = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(written.get(1).toFile()).at("/runs/0");
        assertThat(sarif.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(repository.toUri().toString());
        com.fasterxml.jackson.databind.JsonNode artifact = sarif.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(artifact.get("uri").asText()).isEqualTo(DisplayPaths.encodePath(
                repository.relativize(SampleReports.BASE).toString().replace('\\', '/')) + "/infra/main.json");
        assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(Files.readString(written.get(0))).contains("\"file\" : \"infra/main.json\"");
    }

    @Test
    void formatListsParseAndNameTheWrongWord() {
        assertThat(Format.parseList("console, SARIF,junit")).containsExactlyInAnyOrder(Format.CONSOLE, Format.SARIF, Format.JUNIT);
        assertThat(Format.parseList("all")).isEqualTo(EnumSet.allOf(Format.class));
        assertThat(Format.parseList("")).isEmpty();
        assertThatThrownBy(() -> Format.parseList("sarif,html")).hasMessageContaining("'html'");
        assertThat(Format.JUNIT.fileName()).contains("TEST-egress.xml");
        assertThat(Format.CONSOLE.fileName()).isEmpty();
    }

    @Test
    void toolVersionComesFromTheJarsMavenDescriptor() throws Exception {
        byte[] descriptor = "groupId=dev.egressguard\nartifactId=egress-guard-core\nversion=1.4.0\n".getBytes();
        assertThat(ToolInfo.versionFrom(new java.io.ByteArrayInputStream(descriptor))).isEqualTo("1.4.0");
        assertThat(ToolInfo.versionFrom(new java.io.ByteArrayInputStream("x=y".getBytes()))).isEqualTo("0.0.0-dev");
        assertThat(ToolInfo.versionFrom(null)).isEqualTo("0.0.0-dev");
        assertThat(ToolInfo.current().name()).isEqualTo("Egress Guard");
    }
}
