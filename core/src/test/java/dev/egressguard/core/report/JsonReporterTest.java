package dev.egressguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.egressguard.core.report.SampleReports.BASE;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {

    private final JsonReporter reporter = new JsonReporter(new ToolInfo("Egress Guard", "1.2.3",
            ToolInfo.INFORMATION_URI), new DisplayPaths(BASE));

    private JsonNode json(Report report) throws Exception {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void matchesThePublishedJsonSchema() throws Exception {
        // Surefire runs in the module directory; the schema is published next to its documentation.
        Path schemaFile = Path.of("..", "docs", "report-json.schema.json");
        assumeTrue(Files.isRegularFile(schemaFile), "no schema at " + schemaFile.toAbsolutePath());
        com.networknt.schema.JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                    .getSchema(in);
        }
        Finding live = new Finding("EG002", null, Severity.ERROR, Outcome.UNKNOWN, "t", "id", "n", SourceLocation.NONE,
                null, "m", null, "https://portal.azure.com/#resource/id", new Finding.Suppression(
                Finding.Suppression.Kind.BASELINE, "accepted", SourceLocation.NONE));
        for (Report r : List.of(SampleReports.cluster(), SampleReports.clean(),
                new Report(List.of(live), List.of(), List.of(), List.of(), List.of()))) {
            assertThat(schema.validate(json(r))).isEmpty();
        }
        JsonNode wrong = json(SampleReports.cluster());
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.at("/findings/0")).put("outcome", "PASS");
        assertThat(schema.validate(wrong)).isNotEmpty();
    }

    @Test
    void toolAndFormatVersion() throws Exception {
        JsonNode root = json(SampleReports.cluster());

        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/tool/name").asText()).isEqualTo("Egress Guard");
        assertThat(root.at("/tool/version").asText()).isEqualTo("1.2.3");
        assertThat(root.at("/tool/informationUri").asText()).isEqualTo(ToolInfo.INFORMATION_URI);
    }

    @Test
    void everyPromisedFieldOfAFinding() throws Exception {
        JsonNode f = json(SampleReports.cluster()).at("/findings/2");

        assertThat(fieldNames(f)).containsExactly("ruleId", "ruleName", "outcome", "severity", "resourceType",
                "resourceId", "resourceName", "file", "line", "column", "path", "message", "remediation", "fingerprint");
        assertThat(f.get("ruleId").asText()).isEqualTo("EG002");
        assertThat(f.get("ruleName").asText()).isEqualTo("nat-gateway-on-node-subnets");
        assertThat(f.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("resourceType").asText()).isEqualTo("Microsoft.Network/virtualNetworks/subnets");
        assertThat(f.get("resourceId").asText()).isEqualTo(SampleReports.SUBNET_ID);
        assertThat(f.get("resourceName").asText()).isEqualTo("nodes");
        assertThat(f.get("file").asText()).isEqualTo("infra/network.json");
        assertThat(f.get("line").asInt()).isEqualTo(12);
        assertThat(f.get("column").asInt()).isEqualTo(5);
        assertThat(f.get("path").asText()).isEqualTo("/properties");
        assertThat(f.get("message").asText()).isEqualTo("subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway");
        assertThat(f.get("remediation").asText()).isEqualTo("Attach a NAT gateway to the subnet.");
        assertThat(f.get("fingerprint").asText()).isEqualTo(FindingKey.of(SampleReports.natMissing()).fingerprint());
    }

    @Test
    void findingsAreOrderedByFileLineAndIncludeSuppressedOnesWithTheirJustification() throws Exception {
        JsonNode findings = json(SampleReports.cluster()).get("findings");

        List<String> order = new ArrayList<>();
        findings.forEach(f -> order.add(f.get("file").asText() + ":" + f.get("line").asInt() + " " + f.get("outcome").asText()));
        assertThat(order).containsExactly("infra/main.json:7 FAIL", "infra/main.json:40 FAIL",
                "infra/network.json:12 FAIL", "infra/network.json:30 UNKNOWN");
        JsonNode suppressed = findings.get(1).get("suppressed");
        assertThat(suppressed.get("kind").asText()).isEqualTo("INLINE");
        assertThat(suppressed.get("justification").asText()).isEqualTo("Bastion pool, approved in SEC-42");
        assertThat(suppressed.get("file").asText()).isEqualTo("infra/main.json");
        assertThat(suppressed.get("line").asInt()).isEqualTo(38);
        assertThat(findings.get(0).has("suppressed")).isFalse();
    }

    @Test
    void liveFindingsHaveNullLocationAndAPortalLink() throws Exception {
        Finding live = new Finding("EG002", null, Severity.ERROR, Outcome.FAIL, "t", "id", "n", SourceLocation.NONE,
                null, "m", null, "https://portal.azure.com/#resource/id", null);
        JsonNode f = json(new Report(List.of(live), List.of(), List.of(), List.of(), List.of())).at("/findings/0");

        assertThat(f.get("file").isNull()).isTrue();
        assertThat(f.get("line").isNull()).isTrue();
        assertThat(f.get("column").isNull()).isTrue();
        assertThat(f.get("ruleName").isNull()).isTrue();
        assertThat(f.get("portalLink").asText()).isEqualTo("https://portal.azure.com/#resource/id");
    }

    @Test
    void diagnosticsRulesInputsAndSummary() throws Exception {
        JsonNode root = json(SampleReports.cluster());

        JsonNode d = root.at("/diagnostics/0");
        assertThat(fieldNames(d)).containsExactly("level", "file", "line", "column", "message");
        assertThat(d.get("level").asText()).isEqualTo("warning");
        assertThat(d.get("file").asText()).isEqualTo("infra/main.json");
        assertThat(d.get("line").asInt()).isEqualTo(3);
        assertThat(d.get("column").asInt()).isEqualTo(17);
        assertThat(root.at("/rules/1/id").asText()).isEqualTo("EG002");
        assertThat(root.at("/rules/1/severity").asText()).isEqualTo("error");
        assertThat(root.at("/rules/0/tags/1").asText()).isEqualTo("public-ip");
        assertThat(root.get("inputs").get(0).asText()).isEqualTo("infra/main.json");

        JsonNode s = root.get("summary");
        assertThat(s.get("failed").asInt()).isEqualTo(2);
        assertThat(s.at("/failedBySeverity/error").asInt()).isEqualTo(1);
        assertThat(s.at("/failedBySeverity/warning").asInt()).isEqualTo(1);
        assertThat(s.at("/failedBySeverity/note").asInt()).isZero();
        assertThat(s.get("unknown").asInt()).isEqualTo(1);
        assertThat(s.get("suppressed").asInt()).isEqualTo(1);
        assertThat(s.get("passed").asInt()).isEqualTo(1);
        assertThat(s.get("evaluations").asInt()).isEqualTo(5);
        assertThat(s.get("files").asInt()).isEqualTo(2);
        assertThat(s.get("resources").asInt()).isEqualTo(4);
        assertThat(s.get("rules").asInt()).isEqualTo(3);
        assertThat(s.at("/diagnostics/warning").asInt()).isEqualTo(1);
        assertThat(s.at("/diagnostics/error").asInt()).isZero();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
