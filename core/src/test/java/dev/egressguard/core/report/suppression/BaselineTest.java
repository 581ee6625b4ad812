package dev.egressguard.core.report.suppression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTest {

    private static Report report(List<Finding> findings) {
        return new Report(findings, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void writesSortedEntriesKeyedWithoutLinesAndReadsThemBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("egress-baseline.json");
        Finding inlineSuppressed = Fixtures.natOnLegacy().withSuppression(new Finding.Suppression(
                Finding.Suppression.Kind.INLINE, "has its own reason", SourceLocation.NONE));
        Baseline.write(report(List.of(Fixtures.natOnNodes(), Fixtures.publicIpOnWorkers(), inlineSuppressed)), file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("egressGuardBaseline").asInt()).isEqualTo(1);
        assertThat(json.get("findings")).hasSize(2);
        JsonNode first = json.at("/findings/0");
        assertThat(first.get("ruleId").asText()).isEqualTo("EG001");
        assertThat(first.get("resourceId").asText()).isEqualTo(Fixtures.VMSS_ID);
        assertThat(first.get("path").asText()).isEqualTo("/properties/virtualMachineProfile");
        assertThat(first.get("message").asText()).isEqualTo("EG001 fails on workers");
        assertThat(first.has("line")).isFalse();

        Baseline baseline = Baseline.load(file);
        assertThat(baseline.diagnostics()).isEmpty();
        assertThat(baseline.entries()).hasSize(2);
        assertThat(baseline.entries().get(0).at()).isEqualTo(new SourceLocation(file.toString(), 3, 18));
    }

    @Test
    void knownFindingsAreSuppressedAsBaselineEvenWhenTheyMovedAndNewOnesStayActive(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("egress-baseline.json");
        Baseline.write(report(List.of(Fixtures.natOnNodes())), file);
        Finding moved = Fixtures.finding("eg002", "nat-gateway-on-node-subnets", Fixtures.NODES_ID.toUpperCase(),
                "nodes", "/Properties", 500);

        Suppressions.Result r = Baseline.load(file).apply(List.of(moved, Fixtures.publicIpOnWorkers()));

        assertThat(r.findings().get(0).suppression().kind()).isEqualTo(Finding.Suppression.Kind.BASELINE);
        assertThat(r.findings().get(0).suppression().justification()).isEqualTo("accepted in baseline egress-baseline.json");
        assertThat(r.findings().get(1).isSuppressed()).isFalse();
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void rewritingKeepsBaselinedFindingsAndEntriesForFixedFindingsAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("egress-baseline.json");
        Baseline.write(report(List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy())), file);

        Suppressions.Result r = Baseline.load(file).apply(List.of(Fixtures.natOnNodes()));
        assertThat(r.diagnostics()).containsExactly(Diagnostic.info(SourceLocation.of(file.toString()),
                "1 baseline entry matches no finding any more (fixed?); rewrite the baseline to drop it"));

        Baseline.write(report(r.findings()), file);
        assertThat(Baseline.load(file).entries()).extracting(e -> e.key().resourceId())
                .containsExactly(Fixtures.NODES_ID.toLowerCase());
    }

    @Test
    void aCorruptBaselineIsAnErrorAtItsPlaceAndSuppressesNothing() {
        Baseline broken = Baseline.parse("b.json", "{\n  \"egressGuardBaseline\": 1,\n  \"findings\": [ {\"ruleId\": \"EG001\",, } ]\n}");
        assertThat(broken.entries()).isEmpty();
        assertThat(broken.diagnostics()).hasSize(1);
        assertThat(broken.diagnostics().get(0).level()).isEqualTo(Diagnostic.Level.ERROR);
        assertThat(broken.diagnostics().get(0).location().line()).isEqualTo(3);
        assertThat(broken.diagnostics().get(0).message()).startsWith("baseline is not valid JSON: ");

        Suppressions.Result r = broken.apply(List.of(Fixtures.natOnNodes()));
        assertThat(r.findings().get(0).isSuppressed()).isFalse();
        assertThat(r.diagnostics()).hasSize(1);
    }

    @Test
    void badEntriesAndShapesAreReported() {
        Baseline partly = Baseline.parse("b.json", """
                {"egressGuardBaseline": 1, "findings": [
                  {"ruleId": "EG001"},
                  {"ruleId": "EG002", "resourceId": "/x", "path": ""}
                ]}""");
        assertThat(partly.entries()).hasSize(1);
        assertThat(partly.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "b.json:2:3: error: a baseline entry needs 'ruleId' and 'resourceId'; it is skipped");

        assertThat(Baseline.parse("b.json", "[]").diagnostics()).extracting(Diagnostic::message)
                .containsExactly("a baseline is a JSON object with 'findings'");
        assertThat(Baseline.parse("b.json", "{\"egressGuardBaseline\": 2, \"findings\": []}").diagnostics())
                .extracting(Diagnostic::message).containsExactly("baseline format 2 is not understood by this version (it reads 1)");
        assertThat(Baseline.parse("b.json", "{}").diagnostics()).extracting(Diagnostic::message)
                .containsExactly("a baseline needs 'findings'");
    }

    @Test
    void aMissingBaselineIsAnError(@TempDir Path dir) {
        Baseline missing = Baseline.load(dir.resolve("nope.json"));
        assertThat(missing.entries()).isEmpty();
        assertThat(missing.diagnostics()).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR);
    }
}
