package dev.egressguard.rules.corpus;

import dev.egressguard.rules.Pipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule pack over the real-world corpus (shared/corpus, 65 templates written by others),
 * against the verdicts of its MANIFEST.tsv: P1 = EG001, P2 = EG002, P3 = EG003, evaluated with
 * default parameter values and, where the folder has one, the CI parameter file
 * {@code azuredeploy.parameters.json}: it only fills required parameters with placeholders
 * ({@code GEN-UNIQUE}), which the manifest counts as changing nothing, and without it names built
 * from those parameters would be unknown. See
 * {@link Expected} for what each manifest verdict accepts. Prints one confusion table per rule;
 * fails on any mismatch not listed, with its reason, in {@link #DISAGREEMENTS}, and on any listed
 * disagreement that no longer disagrees.
 */
class CorpusTest {

    /**
     * Rows where Egress Guard and the manifest differ on purpose: "template:rule" -> why. The
     * manifest was written by hand and can be wrong; each entry says which side is right.
     */
    static final Map<String, String> DISAGREEMENTS = Map.of(
            "databricks-vnet-load-balancer:EG003", "the workspace runs without secure cluster connectivity"
                    + " (disablePublicIp defaults to false), so every cluster VM has a public IP of its own, and"
                    + " 'outbound rules are followed only if the backend VM doesn't have an instance-level public IP"
                    + " address' (learn.microsoft.com/azure/load-balancer/outbound-rules): the egress load balancer is"
                    + " bypassed, EG001 fails instead. The manifest's fail ignores the instance IPs.",
            "databricks-vnet-load-balancer:EG001", "Databricks compute is in scope since issue 16 (the manifest puts"
                    + " it out of scope): without secure cluster connectivity every cluster VM gets a public IP.",
            "databricks-vnet-load-balancer:EG002", "Databricks compute is in scope since issue 16: the workspace's"
                    + " host subnet hosts its cluster VMs and has no NAT gateway.",
            "databricks-vnet-nat-gateway:EG001", "Databricks compute is in scope since issue 16: disablePublicIp"
                    + " defaults to false, so every cluster VM gets a public IP (the manifest's note gives P2/P3 pass"
                    + " in scope, which is what EG002/EG003 say).",
            "batch-pool-no-public-ip:EG002", "Batch compute is in scope since issue 16; the manifest's note says"
                    + " 'if Batch counted as compute: P1 pass, P2 fail, P3 pass', which is what EG001-EG003 say.",
            "load-balancer-ip-configured-backend-pool:EG003", "Egress Guard is right to say UNKNOWN: the pool is"
                    + " configured by IP address, and Azure documents that such a pool 'will behave as a Basic Load"
                    + " Balancer with default outbound enabled' (backend-pool-management, outbound-rules), not whether"
                    + " its outbound rule gives the members SNAT; they leave through the load balancer or through"
                    + " default outbound access, both failures, and which one is not documented.");

    @Test
    void theRulePackAgreesWithTheManifest() throws IOException {
        Path corpus = corpusOrSkip();
        Manifest manifest = Manifest.read(corpus.resolve("MANIFEST.tsv"));
        assertThat(manifest.rows()).as("MANIFEST.tsv rows").hasSize(65);

        Map<String, ConfusionTable> tables = new LinkedHashMap<>();
        Manifest.RULES.forEach(r -> tables.put(r, new ConfusionTable(r)));
        Map<String, String> mismatches = new TreeMap<>();
        for (Manifest.Row row : manifest.rows()) {
            Path template = corpus.resolve(row.name()).resolve(row.file());
            assertThat(template).as(row.name()).isRegularFile();
            Path parameters = template.resolveSibling("azuredeploy.parameters.json");
            Pipeline.Run run = Pipeline.run(template,
                    Files.isRegularFile(parameters) ? Optional.of(parameters) : Optional.empty(), Map.of());
            for (String rule : Manifest.RULES) {
                Expected expected = row.expected().get(rule);
                Expected.Actual actual = Expected.Actual.of(run.outcomes(rule));
                tables.get(rule).add(expected, actual);
                if (!expected.accepts(actual)) {
                    mismatches.put(row.name() + ":" + rule, "expected " + expected.label() + ", got " + actual
                            + describe(run, rule));
                }
            }
        }
        tables.values().forEach(t -> System.out.println(t.render()));
        mismatches.forEach((k, v) -> System.out.println((DISAGREEMENTS.containsKey(k) ? "disagreement " : "MISMATCH ")
                + k + ": " + v + (DISAGREEMENTS.containsKey(k) ? "\n    because " + DISAGREEMENTS.get(k) : "")));

        Map<String, String> unexplained = new TreeMap<>(mismatches);
        unexplained.keySet().removeAll(DISAGREEMENTS.keySet());
        List<String> stale = new ArrayList<>(DISAGREEMENTS.keySet());
        stale.removeAll(mismatches.keySet());
        assertThat(unexplained.keySet()).as("mismatches with MANIFEST.tsv that no disagreement explains (details above)")
                .isEmpty();
        assertThat(stale).as("listed disagreements that now agree: remove them").isEmpty();
    }

    @Test
    void givenTheRequiredNameTheVerdictsAgree(@TempDir Path temp) throws IOException {
        Path corpus = corpusOrSkip();
        Path parameters = temp.resolve("vmss.parameters.json");
        Files.writeString(parameters, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"vmssName": {"value": "web"}}}""");
        for (String template : List.of("bicep-us-vmss-windows-autoscale/main.json", "checkov-vmss-lb-natpool/scaleset-fail.json")) {
            Pipeline.Run run = Pipeline.run(corpus.resolve(template), Optional.of(parameters), Map.of());
            assertThat(Expected.Actual.of(run.outcomes("EG002"))).as(template + " EG002").isEqualTo(Expected.Actual.FAIL);
            assertThat(Expected.Actual.of(run.outcomes("EG003"))).as(template + " EG003").isEqualTo(Expected.Actual.PASS);
        }
    }

    private static Path corpusOrSkip() {
        String dir = System.getProperty("egress.shared.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "corpus")),
                "shared/corpus is not beside the project (egress.shared.dir=" + dir + ")");
        return Path.of(dir, "corpus");
    }

    private static String describe(Pipeline.Run run, String rule) {
        StringBuilder sb = new StringBuilder();
        run.findings(rule).stream().limit(3).forEach(f -> sb.append("\n    ").append(f.outcome()).append(' ')
                .append(f.resourceName()).append(": ").append(f.message()));
        run.diagnostics().stream().filter(d -> d.level() == dev.egressguard.core.source.Diagnostic.Level.ERROR)
                .limit(2).forEach(d -> sb.append("\n    diagnostic: ").append(d));
        return sb.toString();
    }
}
