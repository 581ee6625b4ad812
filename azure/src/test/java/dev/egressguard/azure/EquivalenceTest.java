package dev.egressguard.azure;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest.Mode;
import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.egressguard.azure.TestSupport.SUB;
import static dev.egressguard.azure.TestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same rules give the same verdicts on a template and on what that template looks like once
 * deployed: equivalence/main.json, and live-*.json, the list responses ARM gives for it (with the
 * read-only properties and back-references ARM adds), audited through the fake endpoint.
 */
class EquivalenceTest {

    private static final String SCALE_SET = "/subscriptions/" + SUB
            + "/resourceGroups/rg-egress/providers/Microsoft.Compute/virtualMachineScaleSets/web-vmss";

    private final FakeArm fake = new FakeArm();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static EgressGuard guard(Path root) {
        return EgressGuard.builder().projectRoot(root).today(LocalDate.of(2026, 11, 25))
                .context(DeploymentContext.DEFAULT.withSubscriptionId(SUB).withResourceGroup("rg-egress"))
                .build();
    }

    private static Path dir() {
        try {
            return Path.of(Objects.requireNonNull(EquivalenceTest.class.getResource("/equivalence/main.json")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private LiveInventory auditTheDeployment() {
        fake.subscriptions(TENANT, SUB);
        for (ListedType t : ListedType.ALL) {
            fake.list(FakeArm.typePath(SUB, t.type()), t.apiVersion(),
                    TestSupport.items("../equivalence/live-" + t.plural() + ".json"));
        }
        fake.list(SCALE_SET + "/networkInterfaces", ListedType.VMSS_INSTANCE_NETWORK,
                TestSupport.items("../equivalence/live-vmss-networkInterfaces.json"));
        fake.list(SCALE_SET + "/publicipaddresses", ListedType.VMSS_INSTANCE_NETWORK,
                TestSupport.items("../equivalence/live-vmss-publicipaddresses.json"));
        return TestSupport.audit(fake, d -> { }).build().collect();
    }

    /** The same deployment as Resource Graph rows: lower-case types, subscription and tenant columns. */
    private LiveInventory auditTheDeploymentWithResourceGraph() {
        com.fasterxml.jackson.databind.node.ObjectNode visible = FakeArm.JSON.createObjectNode();
        visible.putArray("data").addObject().put("subscriptionId", SUB).put("tenantId", TENANT);
        fake.on(FakeArm.graph("resourcecontainers", null), FakeArm.Reply.json(visible));
        com.fasterxml.jackson.databind.node.ObjectNode resources = FakeArm.JSON.createObjectNode();
        var rows = resources.putArray("data");
        for (ListedType t : ListedType.ALL) {
            TestSupport.items("../equivalence/live-" + t.plural() + ".json").forEach(item -> rows.add(row(item, null)));
        }
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(resources));
        com.fasterxml.jackson.databind.node.ObjectNode compute = FakeArm.JSON.createObjectNode();
        var instanceRows = compute.putArray("data");
        TestSupport.items("../equivalence/live-vmss-networkInterfaces.json").forEach(item -> instanceRows.add(
                row(item, "microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces")));
        TestSupport.items("../equivalence/live-vmss-publicipaddresses.json").forEach(item -> instanceRows.add(
                row(item, "microsoft.compute/virtualmachinescalesets/virtualmachines/networkinterfaces/ipconfigurations/publicipaddresses")));
        fake.on(FakeArm.graph("computeresources", null), FakeArm.Reply.json(compute));
        return TestSupport.audit(fake, d -> { }).mode(Mode.RESOURCE_GRAPH).subscriptions(SUB).build().collect();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode row(com.fasterxml.jackson.databind.JsonNode item, String type) {
        com.fasterxml.jackson.databind.node.ObjectNode row = item.deepCopy();
        row.put("type", type != null ? type : item.path("type").asText().toLowerCase(Locale.ROOT));
        row.put("subscriptionId", SUB).put("tenantId", TENANT).put("resourceGroup", "rg-egress");
        return row;
    }

    /** "EG002 FAIL /subscriptions/.../subnets/legacy": what a verdict is, wherever it came from. */
    private static Set<String> verdicts(Report report, Predicate<String> resourceFilter) {
        return report.evaluations().stream().filter(e -> resourceFilter.test(e.resourceId()))
                .map(EquivalenceTest::verdict).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String verdict(Evaluation e) {
        return e.ruleId() + " " + e.outcome() + " " + e.resourceId().toLowerCase(Locale.ROOT);
    }

    private static Set<String> findings(Report report, Predicate<String> resourceFilter) {
        return report.findings().stream().filter(f -> resourceFilter.test(f.resourceId()))
                .map(f -> f.ruleId() + " " + f.outcome() + " " + f.resourceId().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Scale-set instances exist only once deployed; a template has no instance NIC to check. */
    private static boolean templateCanDeclare(String resourceId) {
        return !resourceId.toLowerCase(Locale.ROOT).contains("/virtualmachines/") || !resourceId.toLowerCase(Locale.ROOT)
                .startsWith(SCALE_SET.toLowerCase(Locale.ROOT));
    }

    @Test
    void findingsOnTheDeploymentAreTheFindingsOnItsTemplate() {
        Path root = dir();
        Report verified = guard(root).verify(List.of(root.resolve("main.json")));
        LiveInventory live = auditTheDeployment();
        Report audited = guard(root).audit(live.resources(), live.gaps(), live.scopes());

        assertThat(audited.inputs()).containsExactly("/subscriptions/" + SUB);
        assertThat(verified.diagnostics()).filteredOn(d -> d.level() == dev.egressguard.core.source.Diagnostic.Level.ERROR).isEmpty();
        assertThat(live.gaps()).isEmpty();
        assertThat(findings(verified, id -> true)).as("the template has findings to compare").isNotEmpty();

        assertThat(findings(audited, EquivalenceTest::templateCanDeclare)).isEqualTo(findings(verified, id -> true));
        assertThat(verdicts(audited, EquivalenceTest::templateCanDeclare)).isEqualTo(verdicts(verified, id -> true));
        System.out.println("Equivalence: " + verified.findings().size() + " findings on main.json, "
                + audited.findings().size() + " on its deployment (" + live.requestCount() + " requests)");
        verified.findings().stream().map(f -> "  " + f.ruleId() + " " + f.outcome() + " " + f.resourceName())
                .sorted().forEach(System.out::println);
    }

    @Test
    void resourceGraphRowsGiveTheSameVerdictsAsTheLists() {
        Path root = dir();
        Report verified = guard(root).verify(List.of(root.resolve("main.json")));
        LiveInventory live = auditTheDeploymentWithResourceGraph();
        Report audited = guard(root).audit(live.resources(), live.gaps());

        assertThat(live.gaps()).isEmpty();
        assertThat(live.requestCount()).isEqualTo(3);
        assertThat(verdicts(audited, EquivalenceTest::templateCanDeclare)).isEqualTo(verdicts(verified, id -> true));
    }

    @Test
    void theDeploymentAlsoShowsWhatOnlyADeploymentHas() {
        LiveInventory live = auditTheDeployment();
        Report audited = guard(dir()).audit(live.resources(), live.gaps());

        // Each instance NIC of the scale set carries the public IP its model gives it.
        assertThat(audited.findings()).filteredOn(f -> !templateCanDeclare(f.resourceId()) && f.ruleId().equals("EG001"))
                .extracting(Finding::outcome, Finding::resourceId)
                .contains(org.assertj.core.groups.Tuple.tuple(Outcome.FAIL, SCALE_SET + "/virtualMachines/0/networkInterfaces/nic"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.FAIL, SCALE_SET + "/virtualMachines/1/networkInterfaces/nic"));
        assertThat(audited.findings()).allSatisfy(f ->
                assertThat(f.portalLink()).startsWith("https://portal.azure.com/#@" + TENANT + "/resource/subscriptions/" + SUB));
    }
}
