package dev.egressguard.rules.corpus;

import dev.egressguard.rules.Pipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule pack over the real-world corpus (shared/corpus, 65 templates written by others),
 * against the verdicts of its MANIFEST.tsv: P1 = EG001, P2 = EG002, P3 = EG003, evaluated with
 * default parameter values (the corpus' parameter files only hold CI placeholders). See
 * {@link Expected} for what each manifest verdict accepts. Prints one confusion table per rule;
 * fails on any mismatch not listed, with its reason, in {@link #DISAGREEMENTS}, and on any listed
 * disagreement that no longer disagrees.
 */
class CorpusTest {

    /**
     * Rows where Egress Guard and the manifest differ on purpose: "template:rule" -> why. The
     * manifest was written by hand and can be wrong; each entry says which side is right.
     */
    static final Map<String, String> DISAGREEMENTS = Map.of();

    @Test
    void theRulePackAgreesWithTheManifest() throws IOException {
        String dir = System.getProperty("egress.shared.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "corpus")),
                "shared/corpus is not beside the project (egress.shared.dir=" + dir + ")");
        Path corpus = Path.of(dir, "corpus");
        Manifest manifest = Manifest.read(corpus.resolve("MANIFEST.tsv"));
        assertThat(manifest.rows()).as("MANIFEST.tsv rows").hasSize(65);

        Map<String, ConfusionTable> tables = new LinkedHashMap<>();
        Manifest.RULES.forEach(r -> tables.put(r, new ConfusionTable(r)));
        Map<String, String> mismatches = new TreeMap<>();
        for (Manifest.Row row : manifest.rows()) {
            Path template = corpus.resolve(row.name()).resolve(row.file());
            assertThat(template).as(row.name()).isRegularFile();
            Pipeline.Run run = Pipeline.run(template, Map.of());
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
        assertThat(unexplained).as("mismatches with MANIFEST.tsv that no disagreement explains").isEmpty();
        assertThat(stale).as("listed disagreements that now agree: remove them").isEmpty();
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
