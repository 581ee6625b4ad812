package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.PropertyLocator;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.egressguard.core.finding.Finding.Suppression.Kind.FILE;
import static dev.egressguard.core.finding.Finding.Suppression.Kind.INLINE;
import static org.assertj.core.api.Assertions.assertThat;

class SuppressionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final SourceLocation AT = new SourceLocation("egress-suppressions.yaml", 4, 5);

    @Test
    void aFileEntryGlobsOnResourceIdOrName() {
        SuppressionEntry legacy = SuppressionEntry.file("EG002", "*/VIRTUALNETWORKS/legacy-vnet/subnets/*", "legacy", null, AT);
        SuppressionEntry byName = SuppressionEntry.file("no-instance-public-ip", "work?rs", "bastion", null, AT);

        Suppressions.Result r = Suppressions.apply(
                List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy(), Fixtures.publicIpOnWorkers()),
                List.of(legacy, byName), TODAY);

        assertThat(r.findings().get(0).isSuppressed()).isFalse();
        assertThat(r.findings().get(1).suppression()).isEqualTo(new Finding.Suppression(FILE, "legacy", AT));
        assertThat(r.findings().get(2).suppression().justification()).isEqualTo("bastion");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void anInlineEntryCoversItsResourceAndTheChildrenDeclaredInIt() {
        SuppressionEntry onVnet = SuppressionEntry.inline("EG002", Fixtures.VNET_ID.toUpperCase(), "lab network", null, AT);

        Suppressions.Result r = Suppressions.apply(List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy()),
                List.of(onVnet), TODAY);

        assertThat(r.findings().get(0).suppression().kind()).isEqualTo(INLINE);
        assertThat(r.findings().get(1).isSuppressed()).isFalse();
    }

    @Test
    void aSuppressionHoldsThroughItsExpiryDateThenStopsAndSaysSo() {
        SuppressionEntry entry = SuppressionEntry.file("EG002", "nodes", "until the NAT lands", LocalDate.of(2026, 11, 25), AT);

        assertThat(Suppressions.apply(List.of(Fixtures.natOnNodes()), List.of(entry), TODAY).findings().get(0)
                .isSuppressed()).isTrue();

        Suppressions.Result later = Suppressions.apply(List.of(Fixtures.natOnNodes()), List.of(entry), TODAY.plusDays(1));
        assertThat(later.findings().get(0).isSuppressed()).isFalse();
        assertThat(later.diagnostics()).containsExactly(Diagnostic.warning(AT, "suppression of EG002 on 'nodes' expired on"
                + " 2026-11-25; its findings count again: fix them or extend 'expires' with a fresh justification"));
    }

    @Test
    void anEntryThatMatchesNothingIsStale() {
        SuppressionEntry typo = SuppressionEntry.file("EG020", "nodes", "x", null, AT);
        SuppressionEntry expiredAndUnused = SuppressionEntry.file("EG001", "gone", "x", LocalDate.of(2020, 1, 1), AT);

        Suppressions.Result r = Suppressions.apply(List.of(Fixtures.natOnNodes()), List.of(typo, expiredAndUnused), TODAY);

        assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "stale suppression: EG020 on 'nodes' matches no finding; remove it (or correct the rule id or resource pattern)",
                "suppression of EG001 on 'gone' expired on 2020-01-01 and matches no finding: remove it");
        assertThat(r.diagnostics()).allMatch(d -> d.level() == Diagnostic.Level.WARNING && d.location().equals(AT));
    }

    @Test
    void theInlineJustificationWinsAndTheOverlappingFileEntryIsNotStale() {
        SuppressionEntry inline = SuppressionEntry.inline("EG002", Fixtures.NODES_ID, "inline reason", null, AT);
        SuppressionEntry file = SuppressionEntry.file("EG002", "nodes", "file reason", null, AT);

        Suppressions.Result r = Suppressions.apply(List.of(Fixtures.natOnNodes()), List.of(inline, file), TODAY);

        assertThat(r.findings().get(0).suppression().justification()).isEqualTo("inline reason");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void resourcesAndTheFileTogether() {
        PropertyLocator locator = p -> p.equals("/metadata/egressGuard/suppress/0")
                ? new SourceLocation("infra/main.json", 21, 11) : SourceLocation.NONE;
        Value.Obj metadata = new Value.Obj(Map.of("egressGuard", new Value.Obj(Map.of("suppress", Value.Arr.of(
                new Value.Obj(Map.of("rule", Value.of("EG001"), "justification", Value.of("bastion"))))))));
        Resource vmss = new Resource(ResourceId.parse(Fixtures.VMSS_ID).orElseThrow(), "Microsoft.Compute/virtualMachineScaleSets",
                "workers", "2024-03-01", new Value.Obj(Map.of("metadata", metadata)),
                Provenance.template(new SourceLocation("infra/main.json", 18, 5), locator));
        SuppressionFile file = SuppressionFile.parse("egress-suppressions.yaml", """
                suppressions:
                  - rule: EG002
                    resource: "*legacy-vnet*"
                    justification: legacy
                  - rule: EG002
                    resource: "*"
                """);

        Suppressions.Result r = Suppressions.apply(
                List.of(Fixtures.natOnNodes(), Fixtures.natOnLegacy(), Fixtures.publicIpOnWorkers()), List.of(vmss), file, TODAY);

        assertThat(r.findings()).extracting(f -> f.isSuppressed() ? f.suppression().kind().name() : "active")
                .containsExactly("active", "FILE", "INLINE");
        assertThat(r.findings().get(2).suppression().source()).isEqualTo(new SourceLocation("infra/main.json", 21, 11));
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "egress-suppressions.yaml:5:5: error: a suppression needs 'justification': say why the finding is acceptable");
    }

    @Test
    void findingsSuppressedAlreadyAreLeftAlone() {
        Finding baselined = Fixtures.natOnNodes().withSuppression(new Finding.Suppression(
                Finding.Suppression.Kind.BASELINE, "old", SourceLocation.NONE));

        Suppressions.Result r = Suppressions.apply(List.of(baselined),
                List.of(SuppressionEntry.file("EG002", "nodes", "new", null, AT)), TODAY);

        assertThat(r.findings().get(0).suppression().justification()).isEqualTo("old");
    }

    @Test
    void anInlineSuppressionInACopyLoopIsStaleOnlyWhenNoCopyUsesIt() {
        SourceLocation written = new SourceLocation("infra/main.json", 21, 11);
        List<SuppressionEntry> copies = List.of(
                SuppressionEntry.inline("EG001", Fixtures.VMSS_ID, "bastion", null, written),
                SuppressionEntry.inline("EG001", Fixtures.VMSS_ID + "-1", "bastion", null, written),
                SuppressionEntry.inline("EG001", Fixtures.VMSS_ID + "-2", "bastion", null, written));

        assertThat(Suppressions.apply(List.of(Fixtures.publicIpOnWorkers()), copies, TODAY).diagnostics()).isEmpty();
        assertThat(Suppressions.apply(List.of(Fixtures.natOnNodes()), copies, TODAY).diagnostics())
                .containsExactly(Diagnostic.warning(written, "stale suppression: EG001 on 'workers' matches no finding;"
                        + " remove it (or correct the rule id or resource pattern)"));
    }
}
