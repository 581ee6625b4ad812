package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.egressguard.core.report.FailPolicy.FailOn;
import static dev.egressguard.core.report.SampleReports.BASE;
import static dev.egressguard.core.report.SampleReports.RG;
import static org.assertj.core.api.Assertions.assertThat;

/** One-line summaries name the node a person knows: the scale set, not its ipConfiguration. */
class FindingOwnerTest {

    private static Finding on(String type, String idBelowProviders, String name) {
        return new Finding("EG003", "r", Severity.ERROR, Outcome.FAIL, type, idBelowProviders.isEmpty() ? "" : RG
                + idBelowProviders, name, new SourceLocation(SampleReports.MAIN, 3, 5), "", "m", "", null, null);
    }

    private static Finding scaleSetIpConfiguration(String scaleSet) {
        return on("Microsoft.Compute/virtualMachineScaleSets/networkInterfaceConfigurations/ipConfigurations",
                "Microsoft.Compute/virtualMachineScaleSets/" + scaleSet
                        + "/networkInterfaceConfigurations/nic/ipConfigurations/myIpConfig", "myIpConfig");
    }

    @Test
    void anIpConfigurationIsNamedByTheNodeItBelongsTo() {
        assertThat(FindingOwner.describe(scaleSetIpConfiguration("web"))).isEqualTo("scale set 'web'");
        assertThat(FindingOwner.describe(on("Microsoft.Network/networkInterfaces/ipConfigurations",
                "Microsoft.Network/networkInterfaces/agent-nic/ipConfigurations/ipconfig1", "ipconfig1")))
                .isEqualTo("network interface 'agent-nic'");
        assertThat(FindingOwner.describe(on("Microsoft.Compute/virtualMachines/networkInterfaceConfigurations",
                "Microsoft.Compute/virtualMachines/build/networkInterfaceConfigurations/nic", "nic")))
                .isEqualTo("VM 'build'");
    }

    @Test
    void otherChildrenAreNamedWithTheirParent() {
        assertThat(FindingOwner.describe(on("Microsoft.ContainerService/managedClusters/agentPools",
                "Microsoft.ContainerService/managedClusters/aks/agentPools/system", "system")))
                .isEqualTo("agent pool 'system' of AKS cluster 'aks'");
        assertThat(FindingOwner.describe(SampleReports.natMissing())).isEqualTo("subnet 'nodes' of vnet 'cluster-vnet'");
    }

    @Test
    void aTopLevelResourceIsNamedByItsKind() {
        assertThat(FindingOwner.describe(SampleReports.publicIp())).isEqualTo("scale set 'workers'");
        assertThat(FindingOwner.describe(SampleReports.outboundWarning())).isEqualTo("AKS cluster 'aks'");
    }

    @Test
    void aFindingWithoutAResourceIdIsNamedAsItIs() {
        assertThat(FindingOwner.describe(on("T", "", "custom"))).isEqualTo("'custom'");
        Finding noName = new Finding("X1", "r", Severity.ERROR, Outcome.FAIL, "T", "not an id", "", SourceLocation.NONE,
                "", "m", "", null, null);
        assertThat(FindingOwner.describe(noName)).isEqualTo("'not an id'");
    }

    @Test
    void theFailExplanationTellsTwoScaleSetsApart() {
        Report report = new Report(List.of(scaleSetIpConfiguration("web"), scaleSetIpConfiguration("api")), List.of(),
                List.of(), List.of(), List.of());

        String explanation = FailDecision.decide(report, new FailPolicy(FailOn.ERROR, false), new DisplayPaths(BASE))
                .explanation();

        assertThat(explanation).contains("EG003 error on scale set 'api' at infra/main.json:3:5")
                .contains("EG003 error on scale set 'web' at infra/main.json:3:5")
                .doesNotContain("myIpConfig");
    }
}
