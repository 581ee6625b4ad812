package dev.egressguard.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.egressguard.core.report.SampleReports.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SarifReporterTest {

    private final SarifReporter reporter = new SarifReporter(new ToolInfo("Egress Guard", "1.2.3",
            ToolInfo.INFORMATION_URI), new DisplayPaths(BASE));
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode sarif(Report report) throws Exception {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return json.readTree(out.toString());
    }

    @Test
    void validAgainstTheOfficialSarifSchema() throws Exception {
        String shared = System.getProperty("egress.shared.dir");
        assumeTrue(shared != null, "egress.shared.dir is not set");
        Path schemaFile = Path.of(shared, "schemas", "sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(schemaFile), "no SARIF schema at " + schemaFile);

        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Report live = new Report(List.of(new Finding("EG002", "nat-gateway-on-node-subnets", Severity.ERROR,
                Outcome.FAIL, "Microsoft.Network/virtualNetworks/subnets", SampleReports.SUBNET_ID, "nodes",
                SourceLocation.NONE, "", "no NAT gateway", "", "https://portal.azure.com/#x", null)),
                List.of(), List.of(Diagnostic.error(SourceLocation.NONE, "403")), List.of(), List.of());
        Report suppressedElsewhere = new Report(List.of(
                SampleReports.natMissing().withSuppression(new Finding.Suppression(Finding.Suppression.Kind.BASELINE,
                        "accepted in baseline egress-baseline.json", new SourceLocation("/repo/egress-baseline.json", 3, 18))),
                SampleReports.natUnknown().withSuppression(new Finding.Suppression(Finding.Suppression.Kind.FILE,
                        "legacy", SourceLocation.of("egress-suppressions.yaml")))),
                List.of(), List.of(Diagnostic.info(SourceLocation.of("egress-baseline.json"), "1 entry")),
                List.of(SampleReports.EG003), List.of());
        List<Report> reports = List.of(SampleReports.cluster(), SampleReports.clean(), live, suppressedElsewhere);
        List<String> problems = new ArrayList<>();
        for (Report r : reports) {
            Set<ValidationMessage> messages = schema.validate(sarif(r));
            messages.forEach(m -> problems.add(m.getMessage()));
        }
        assertThat(problems).isEmpty();
        // The schema must be the real one: a result without a message is rejected.
        JsonNode broken = sarif(SampleReports.cluster());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).remove("message");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void driverDescribesEveryRule() throws Exception {
        JsonNode driver = sarif(SampleReports.cluster()).at("/runs/0/tool/driver");

        assertThat(driver.get("name").asText()).isEqualTo("Egress Guard");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.get("informationUri").asText()).isEqualTo(ToolInfo.INFORMATION_URI);
        JsonNode eg001 = driver.at("/rules/0");
        assertThat(eg001.get("id").asText()).isEqualTo("EG001");
        assertThat(eg001.get("name").asText()).isEqualTo("no-instance-public-ip");
        assertThat(eg001.at("/shortDescription/text").asText()).isEqualTo("Nodes must not get a public IP of their own");
        assertThat(eg001.at("/fullDescription/text").asText()).isEqualTo("A node with its own public IP bypasses the NAT gateway.");
        assertThat(eg001.at("/help/text").asText()).contains("Remediation: Remove publicIPAddressConfiguration")
                .contains("https://egress-guard.dev/rules/EG001");
        assertThat(eg001.at("/help/markdown").asText()).contains("**Remediation:**");
        assertThat(eg001.get("helpUri").asText()).isEqualTo("https://egress-guard.dev/rules/EG001");
        assertThat(eg001.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(driver.at("/rules/2/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(driver.at("/rules/2").has("helpUri")).isFalse();
    }

    @Test
    void failResultsPointAtTheRepositoryFileWithALineFreeFingerprint() throws Exception {
        JsonNode run = sarif(SampleReports.cluster()).at("/runs/0");
        JsonNode nodes = resultFor(run, SampleReports.SUBNET_ID);

        assertThat(nodes.get("ruleId").asText()).isEqualTo("EG002");
        assertThat(nodes.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(nodes.get("level").asText()).isEqualTo("error");
        assertThat(nodes.at("/message/text").asText()).isEqualTo("subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway");
        JsonNode physical = nodes.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("infra/network.json");
        assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(12);
        assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(5);
        assertThat(nodes.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo(SampleReports.SUBNET_ID);
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo("file:///repo/");

        Finding moved = new Finding("EG002", "nat-gateway-on-node-subnets", Severity.ERROR, Outcome.FAIL,
                "Microsoft.Network/virtualNetworks/subnets", SampleReports.SUBNET_ID.toUpperCase(), "nodes",
                new SourceLocation(SampleReports.NETWORK, 99, 1), "/properties", "other words", "", null, null);
        String fingerprint = nodes.at("/partialFingerprints/egressGuard~1v1").asText();
        assertThat(fingerprint).hasSize(64).isEqualTo(FindingKey.of(moved).fingerprint());
        assertThat(fingerprint).isNotEqualTo(FindingKey.of(SampleReports.natUnknown()).fingerprint());
    }

    @Test
    void unknownIsAWarningThatSaysUnknown() throws Exception {
        JsonNode pods = resultFor(sarif(SampleReports.cluster()).at("/runs/0"), SampleReports.SUBNET2_ID);

        assertThat(pods.get("level").asText()).isEqualTo("warning");
        assertThat(pods.at("/message/text").asText()).startsWith("Unknown: subnet 'pods'");
        assertThat(pods.at("/properties/outcome").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void suppressedFindingsStayAsSuppressedResults() throws Exception {
        JsonNode run = sarif(SampleReports.cluster()).at("/runs/0");
        JsonNode workers = resultFor(run, SampleReports.VMSS_ID);

        assertThat(run.get("results")).hasSize(4);
        assertThat(workers.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(workers.at("/suppressions/0/status").asText()).isEqualTo("accepted");
        assertThat(workers.at("/suppressions/0/justification").asText()).isEqualTo("Bastion pool, approved in SEC-42");
        assertThat(workers.at("/suppressions/0/location/physicalLocation/region/startLine").asInt()).isEqualTo(38);
        assertThat(resultFor(run, SampleReports.SUBNET_ID).has("suppressions")).isFalse();

        Report baselined = new Report(List.of(SampleReports.natMissing().withSuppression(new Finding.Suppression(
                Finding.Suppression.Kind.BASELINE, "in baseline egress-baseline.json", SourceLocation.of(
                BASE.resolve("egress-baseline.json").toString())))), List.of(), List.of(), List.of(), List.of());
        JsonNode external = sarif(baselined).at("/runs/0/results/0/suppressions/0");
        assertThat(external.get("kind").asText()).isEqualTo("external");
        assertThat(external.at("/properties/egressGuardKind").asText()).isEqualTo("BASELINE");
    }

    @Test
    void diagnosticsAreToolExecutionNotifications() throws Exception {
        JsonNode invocation = sarif(SampleReports.cluster()).at("/runs/0/invocations/0");

        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        JsonNode n = invocation.at("/toolExecutionNotifications/0");
        assertThat(n.get("level").asText()).isEqualTo("warning");
        assertThat(n.at("/message/text").asText()).isEqualTo("parameter 'location' has no value; using the default");
        assertThat(n.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("infra/main.json");
        assertThat(n.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);

        Report broken = new Report(List.of(), List.of(), List.of(Diagnostic.error(
                new SourceLocation(SampleReports.MAIN, 1, 1), "not JSON")), List.of(), List.of());
        assertThat(sarif(broken).at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
    }

    @Test
    void aFindingOfARuleTheReportDoesNotDescribeStillGetsARuleEntry() throws Exception {
        Report report = new Report(List.of(SampleReports.natMissing()), List.of(), List.of(), List.of(), List.of());
        JsonNode run = sarif(report).at("/runs/0");

        assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("EG002");
        assertThat(run.at("/results/0/ruleIndex").asInt()).isZero();
    }

    @Test
    void filesWithSpacesAreEncodedAndFilesOutsideTheBaseGetAbsoluteUris() throws Exception {
        Finding spaced = SampleReports.natMissing();
        spaced = new Finding(spaced.ruleId(), spaced.ruleName(), spaced.severity(), spaced.outcome(), spaced.resourceType(),
                spaced.resourceId(), spaced.resourceName(), new SourceLocation(BASE.resolve("my infra/main.json").toString(), 2, 3),
                spaced.path(), spaced.message(), "", null, null);
        Path outside = Path.of("/elsewhere/t.json").toAbsolutePath();
        Finding far = new Finding("EG002", null, Severity.ERROR, Outcome.FAIL, "", "x", "x",
                new SourceLocation(outside.toString(), 1, 1), "", "m", "", null, null);
        JsonNode results = sarif(new Report(List.of(spaced, far), List.of(), List.of(), List.of(), List.of()))
                .at("/runs/0/results");

        List<String> uris = new ArrayList<>();
        results.forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertThat(uris).containsExactlyInAnyOrder("my%20infra/main.json", outside.toUri().toString());
    }

    private static JsonNode resultFor(JsonNode run, String resourceId) {
        for (JsonNode r : run.get("results")) {
            if (r.at("/properties/resourceId").asText().equals(resourceId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + resourceId);
    }
}
