package dev.egressguard.core.report;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSummaryTest {

    private static Evaluation eval(String rule, String id, Outcome outcome) {
        return new Evaluation(rule, id, "n", "Microsoft.Network/virtualNetworks", SourceLocation.NONE, outcome);
    }

    @Test
    void resourcesAreCountedOnceInAnySpellingAndWithoutIdByTypeAndName() {
        Report report = new Report(List.of(), List.of(
                eval("EG001", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/a", Outcome.PASS),
                eval("EG002", "/SUBSCRIPTIONS/s/resourcegroups/RG/providers/microsoft.network/virtualnetworks/A", Outcome.PASS),
                eval("EG001", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/b", Outcome.PASS),
                eval("EG001", null, Outcome.PASS), eval("EG002", "", Outcome.PASS)),
                List.of(), List.of(), List.of("main.json"));

        ReportSummary summary = ReportSummary.of(report);

        assertThat(summary.resources()).isEqualTo(3);
        assertThat(summary.evaluations()).isEqualTo(5);
        assertThat(summary.passed()).isEqualTo(5);
    }

    /** Past {@link ReportSummary#PARALLEL_FOLDS} distinct ids their case is folded on every core: the count is the same. */
    @Test
    void manyIdsAreCountedAsFewAre() {
        List<Evaluation> evaluations = new java.util.ArrayList<>();
        int resources = ReportSummary.PARALLEL_FOLDS + 500;
        for (int i = 0; i < resources; i++) {
            String id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-" + i;
            evaluations.add(eval("EG001", id, Outcome.PASS));
            if (i % 3 == 0) {
                evaluations.add(eval("EG002", id.toUpperCase(java.util.Locale.ROOT), Outcome.PASS));
            }
            if (i % 7 == 0) {
                evaluations.add(eval("EG003", id.replace("vnet-", "V\u0130NET-"), Outcome.PASS));
            }
        }
        Report report = new Report(List.of(), evaluations, List.of(), List.of(), List.of("main.json"));

        int withDottedI = (resources + 6) / 7;
        assertThat(ReportSummary.of(report).resources()).isEqualTo(resources + withDottedI);
    }

    /**
     * Above the threshold the keys are folded in slices, one per task: the same resource in other
     * spellings in other slices, a resource's evaluations one after another, findings of resources
     * no evaluation names, and resources without an id count as a lower-cased set of the keys does.
     */
    @Test
    void slicesFoldedApartCountAsOneSetOfLowerCasedKeys() {
        java.util.Random random = new java.util.Random(18);
        List<Evaluation> evaluations = new java.util.ArrayList<>();
        for (int i = 0; i < ReportSummary.PARALLEL_FOLDS * 2; i++) {
            String id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-" + random.nextInt(9_000);
            String spelled = random.nextBoolean() ? id : id.toUpperCase(java.util.Locale.ROOT);
            evaluations.add(eval("EG001", spelled, Outcome.PASS));
            if (random.nextInt(4) == 0) {
                evaluations.add(eval("EG002", spelled, Outcome.PASS)); // the same instance right after
            }
            if (random.nextInt(50) == 0) {
                evaluations.add(new Evaluation("EG003", null, "n" + random.nextInt(100), "T", SourceLocation.NONE, Outcome.PASS));
            }
        }
        List<dev.egressguard.core.finding.Finding> findings = List.of();
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (Evaluation e : evaluations) {
            expected.add(e.resourceId() == null ? e.resourceType() + "|" + e.resourceName()
                    : e.resourceId().toLowerCase(java.util.Locale.ROOT));
        }

        assertThat(ReportSummary.distinctResources(evaluations, findings)).isEqualTo(expected.size());
        assertThat(ReportSummary.distinctResources(evaluations.subList(0, ReportSummary.PARALLEL_FOLDS - 1), findings))
                .isEqualTo((int) evaluations.subList(0, ReportSummary.PARALLEL_FOLDS - 1).stream()
                        .map(e -> e.resourceId() == null ? e.resourceType() + "|" + e.resourceName()
                                : e.resourceId().toLowerCase(java.util.Locale.ROOT)).distinct().count());
    }

    /** Each report gets its own summary, however they alternate (the last one is kept by identity). */
    @Test
    void eachReportItsOwnSummary() {
        Report one = new Report(List.of(), List.of(eval("EG001", "/x/a", Outcome.PASS)), List.of(), List.of(), List.of());
        Report two = new Report(List.of(), List.of(eval("EG001", "/x/a", Outcome.PASS), eval("EG001", "/x/b", Outcome.PASS)),
                List.of(), List.of(), List.of());

        assertThat(ReportSummary.of(one).resources()).isEqualTo(1);
        assertThat(ReportSummary.of(two).resources()).isEqualTo(2);
        assertThat(ReportSummary.of(two)).isSameAs(ReportSummary.of(two));
        assertThat(ReportSummary.of(one).resources()).isEqualTo(1);
    }

    /**
     * Keys count alike exactly when their lower-cased forms are equal: ASCII ids compared in
     * place, and the characters whose lower case leaves or enters ASCII (the Kelvin sign, the
     * dotted capital I) as lower-casing has them.
     */
    @Test
    void foldedKeysAreEqualExactlyWhenTheirLowerCasedFormsAre() {
        List<String> keys = List.of("/x/Ka", "/x/ka", "/x/KA", "/x/\u212Aa", "/x/\u212AA", "/x/\u0130", "/x/i\u0307",
                "/x/I", "/x/i", "/x/\u00C9", "/x/\u00E9", "/x/e", "", "a|b", "A|B", "/X/KA ");
        for (String a : keys) {
            for (String b : keys) {
                boolean lowerEqual = a.toLowerCase(java.util.Locale.ROOT).equals(b.toLowerCase(java.util.Locale.ROOT));
                ReportSummary.Folded fa = ReportSummary.Folded.of(a);
                ReportSummary.Folded fb = ReportSummary.Folded.of(b);
                assertThat(fa.equals(fb)).as("'%s' and '%s'", a, b).isEqualTo(lowerEqual);
                if (lowerEqual) {
                    assertThat(fa.hashCode()).as("'%s' and '%s'", a, b).isEqualTo(fb.hashCode());
                }
            }
        }
    }
}
