package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.egressguard.core.report.SampleReports.BASE;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReporterTest {

    @Test
    void countsTableThenFindingsThenInputProblems() {
        String md = new MarkdownReporter(new DisplayPaths(BASE), 50).render(SampleReports.cluster());

        assertThat(md).startsWith("## Egress Guard\n\n**2 failed checks, 1 unknown.**\n\n| Result | Count |\n|---|---:|\n"
                + "| Failed (error) | 1 |\n| Failed (warning) | 1 |\n| Failed (note) | 0 |\n| Unknown | 1 |\n"
                + "| Suppressed | 1 |\n| Passed checks | 1 |\n| Input errors | 0 |\n| Input warnings | 1 |\n"
                + "\nChecked 2 files, 4 resources with 3 rules.\n");
        assertThat(md).contains("\n### Findings\n\n| Outcome | Rule | Resource | Location | Message | Fix |\n|---|---|---|---|---|---|\n"
                + "| fail (error) | [EG002](https://egress-guard.dev/rules/EG002) nat-gateway-on-node-subnets | nodes | infra/network.json:12:5 | subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway | Attach a NAT gateway to the subnet. |\n"
                + "| fail (warning) | EG003 aks-outbound-type | aks | infra/main.json:7:5 | cluster 'aks' leaves through its load balancer |  |\n"
                + "| unknown | [EG002](https://egress-guard.dev/rules/EG002) nat-gateway-on-node-subnets | pods | infra/network.json:30:9 |");
        assertThat(md).doesNotContain("workers");
        assertThat(md).endsWith("### Input problems\n\n| Level | Location | Message |\n|---|---|---|\n"
                + "| warning | infra/main.json:3:17 | parameter 'location' has no value; using the default |\n");
    }

    @Test
    void theFixIsTheRemediationsFirstSentenceOrLine() {
        assertThat(MarkdownReporter.fixHint("Remove the node's public IP and give its subnet a NAT gateway (EG002):\n"
                + "`\"properties\": {}` without `publicIPAddress`. More.")).isEqualTo(
                "Remove the node's public IP and give its subnet a NAT gateway (EG002).");
        assertThat(MarkdownReporter.fixHint("Attach a NAT gateway. Then remove the public IP.")).isEqualTo("Attach a NAT gateway.");
        assertThat(MarkdownReporter.fixHint("x".repeat(400))).hasSize(MarkdownReporter.MAX_FIX).endsWith("…");
        assertThat(MarkdownReporter.fixHint(null)).isEmpty();
    }

    @Test
    void aRuleDocumentationAddressThatCouldBreakTheLinkIsNotLinked() {
        RuleDescriptor odd = new RuleDescriptor("ACME1", "odd", "Odd", null, Severity.ERROR, "Fix it.",
                "javascript:alert(1)", List.of());
        Finding f = new Finding("ACME1", "odd", Severity.ERROR, Outcome.FAIL, "t", "/id/x", "x",
                new SourceLocation("a.json", 1, 1), "", "bad", "Fix it.", null, null);

        String md = new MarkdownReporter(new DisplayPaths(BASE), 50).render(new Report(List.of(f), List.of(), List.of(),
                List.of(odd), List.of("a.json")));

        assertThat(md).contains("| ACME1 odd | x |").doesNotContain("javascript");
    }

    /** Found by ReportFuzzTest: an escape sequence inside an https address went into the summary raw. */
    @Test
    void aRuleDocumentationAddressWithAControlCharacterIsNotLinked() {
        RuleDescriptor odd = new RuleDescriptor("ACME2", "odd", "Odd", null, Severity.ERROR, "Fix it.",
                "https://example.org/\u001b]0;title\u0007", List.of());
        Finding f = new Finding("ACME2", "odd", Severity.ERROR, Outcome.FAIL, "t", "/id/x", "x",
                new SourceLocation("a.json", 1, 1), "", "bad", "Fix it.", null, null);

        String md = new MarkdownReporter(new DisplayPaths(BASE), 50).render(new Report(List.of(f), List.of(), List.of(),
                List.of(odd), List.of("a.json")));

        assertThat(md).contains("| ACME2 odd | x |").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aCleanRunSaysSo() {
        String md = new MarkdownReporter(new DisplayPaths(BASE), 50).render(SampleReports.clean());

        assertThat(md).contains("**No egress findings.**").doesNotContain("### Findings").doesNotContain("### Input problems");
    }

    @Test
    void longListsAreCappedWithACountOfTheRest() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            many.add(new Finding("EG002", "n", Severity.ERROR, Outcome.FAIL, "T", "id" + i, "subnet" + i,
                    new SourceLocation(SampleReports.NETWORK, i, 1), "", "m" + i, "", null, null));
        }
        String md = new MarkdownReporter(new DisplayPaths(BASE), 3).render(
                new Report(many, List.of(), List.of(), List.of(), List.of()));

        assertThat(md).contains("| subnet3 |").doesNotContain("| subnet4 |")
                .contains("\n_… and 4 more (see egress-report.sarif or the build log)._\n");
    }

    @Test
    void worstFirstAndLongMessagesCut() {
        Finding note = new Finding("EG009", "n", Severity.NOTE, Outcome.FAIL, "T", "id1", "first-in-file",
                new SourceLocation(SampleReports.MAIN, 1, 1), "", "x".repeat(400), "", null, null);
        Finding error = new Finding("EG002", "n", Severity.ERROR, Outcome.FAIL, "T", "id2", "later-in-file",
                new SourceLocation(SampleReports.MAIN, 9, 1), "", "short", "", null, null);
        String md = new MarkdownReporter(new DisplayPaths(BASE), 1).render(
                new Report(List.of(note, error), List.of(), List.of(), List.of(), List.of()));

        assertThat(md).contains("| later-in-file |").doesNotContain("| first-in-file |").contains("and 1 more");
        String cut = new MarkdownReporter(new DisplayPaths(BASE), 5).render(
                new Report(List.of(note), List.of(), List.of(), List.of(), List.of()));
        assertThat(cut).contains("| " + "x".repeat(MarkdownReporter.MAX_MESSAGE - 1) + "… |");
    }

    @Test
    void templateTextCannotBreakTheTableOrPingAnyone() {
        assertThat(MarkdownReporter.escape("a|b `code` <img src=x> @team *x* [l](u)\nnext"))
                .isEqualTo("a\\|b \\`code\\` &lt;img src=x&gt; &#64;team \\*x\\* \\[l\\](u) next");
    }

    @Test
    void whereNodesLeaveIsTheMapsTablePerGroupWithoutADiagram() {
        dev.egressguard.core.egress.EgressNode node = new dev.egressguard.core.egress.EgressNode(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm-nic/ipConfigurations/c",
                dev.egressguard.core.egress.NodeKind.VIRTUAL_MACHINE, "vm|1", null, "vnet prod",
                new SourceLocation("infra/main.json", 3, 1), new dev.egressguard.core.egress.Egress(
                dev.egressguard.core.egress.EgressPath.NAT_GATEWAY,
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/natGateways/nat",
                List.of(new dev.egressguard.core.egress.PublicIp(null, "20.1.2.3", null, null)), null, "r",
                List.of(dev.egressguard.core.egress.EgressPath.NAT_GATEWAY)), List.of());
        Report withMap = SampleReports.cluster().withEgressMap(new dev.egressguard.core.egress.EgressMap(List.of(node)));

        String md = new MarkdownReporter(new DisplayPaths(BASE), 50).render(withMap);

        assertThat(md).contains("\n### Where nodes leave\n\n#### vnet prod\n\n"
                + "| Node | Kind | Path | Via | Egress IPs | Bypassed |\n|---|---|---|---|---|---|\n"
                + "| vm\\|1 | virtualMachine | natGateway | nat | 20.1.2.3/32 | - |\n\n### Input problems");
        assertThat(md).doesNotContain("mermaid");
        assertThat(md.indexOf("### Findings")).isLessThan(md.indexOf("### Where nodes leave"));
        assertThat(new MarkdownReporter(new DisplayPaths(BASE), 50).render(SampleReports.cluster()))
                .doesNotContain("Where nodes leave");
    }

    @Test
    void whereNodesLeaveIsCappedLikeTheFindings() {
        List<dev.egressguard.core.egress.EgressNode> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(new dev.egressguard.core.egress.EgressNode("/n/" + i, dev.egressguard.core.egress.NodeKind.SCALE_SET,
                    "ss" + i, null, "vnet v", SourceLocation.NONE, new dev.egressguard.core.egress.Egress(
                    dev.egressguard.core.egress.EgressPath.DEFAULT_OUTBOUND, null, List.of(), null, "r",
                    List.of(dev.egressguard.core.egress.EgressPath.DEFAULT_OUTBOUND)), List.of()));
        }
        String md = new MarkdownReporter(new DisplayPaths(BASE), 2).render(SampleReports.clean()
                .withEgressMap(new dev.egressguard.core.egress.EgressMap(nodes)));

        assertThat(md).contains("| ss1 | scaleSet | defaultOutbound | - | an address Azure picks | - |\n\n"
                + "_… and 3 more nodes (see `egress map`)._").doesNotContain("| ss2 ");
    }
}
