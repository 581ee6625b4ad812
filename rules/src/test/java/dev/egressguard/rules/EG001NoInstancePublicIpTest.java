package dev.egressguard.rules;

import dev.egressguard.core.finding.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** EG001 no-instance-public-ip: nodes must not get a public IP of their own (docs/EG001.md). */
class EG001NoInstancePublicIpTest {

    private static Fixture eg001(String file) {
        return Fixture.run("EG001", file);
    }

    @Test
    void aVmNicWithAPublicIpFailsWhateverTheCasingOfTheKey() {
        Fixture f = eg001("fail-vm-nic-public-ip.json");

        assertThat(f.findings()).containsExactly("FAIL jumpbox-nic");
        assertThat(f.evaluations()).contains("PASS jumpbox");
    }

    @Test
    void aScaleSetWithAPublicIpConfigurationInLowerCaseFails() {
        Fixture f = eg001("fail-vmss-public-ip-configuration.json");

        assertThat(f.findings()).containsExactly("FAIL web");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).path())
                .isEqualTo("/properties/virtualMachineProfile/networkProfile/networkInterfaceConfigurations/0"
                        + "/properties/ipConfigurations/0/properties/publicipaddressconfiguration/name");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).message())
                .isEqualTo("scale set 'web' gives every instance a public IP (publicIPAddressConfiguration)");
    }

    @Test
    void aFlexibleScaleSetWithAPublicIpConfigurationFails() {
        assertThat(eg001("fail-vmss-flexible-public-ip-configuration.json").findings()).containsExactly("FAIL workers");
    }

    @Test
    void aksPoolsWithNodePublicIpsFailInlineOrDeclaredSeparately() {
        Fixture f = eg001("fail-aks-node-public-ip.json");

        assertThat(f.findings()).containsExactlyInAnyOrder("FAIL aks1/gpu", "FAIL aks1/edge");
        assertThat(f.findingsOf(Outcome.FAIL)).extracting(dev.egressguard.core.finding.Finding::message).contains(
                "agent pool 'gpu' of AKS cluster 'aks1' gives every node a public IP (enableNodePublicIP)");
        assertThat(f.evaluations()).contains("PASS aks1/system");
    }

    @Test
    void aPublicIpThatBelongsToTheNatGatewayIsNoNodePublicIp() {
        Fixture f = eg001("pass-nat-gateway-vm.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactlyInAnyOrder("PASS vm1-nic", "PASS vm1");
    }

    @Test
    void aBatchPoolWithoutPublicIpsPasses() {
        Fixture f = eg001("pass-batch-pool-no-public-ip.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactly("PASS batchoen6lytnafvwm/render");
    }

    @Test
    void aBatchPoolFailsByDefaultBecauseBatchManagedIsTheDefault() {
        Fixture f = eg001("fail-batch-pool-default-public-ips.json");

        assertThat(f.findings()).containsExactly("FAIL render/workers");
        assertThat(f.findingsOf(Outcome.FAIL).get(0).path())
                .isEqualTo("/properties/networkConfiguration/publicIPAddressConfiguration/provision");
    }

    @Test
    void aDatabricksWorkspaceWithoutSecureClusterConnectivityFails() {
        Fixture f = eg001("fail-databricks-without-secure-cluster-connectivity.json");

        assertThat(f.findings()).containsExactly("FAIL analytics");
    }

    @Test
    void aPublicIpSwitchedOffByNullOrJsonNullPasses() {
        Fixture f = eg001("pass-public-ip-switched-off.json");

        assertThat(f.findings()).isEmpty();
        assertThat(f.evaluations()).containsExactlyInAnyOrder("PASS app-nic", "PASS workers");
    }

    @Test
    void aPublicIpThatOnlyTheDeploymentDecidesIsUnknownWithTheReason() {
        Fixture f = eg001("unknown-public-ip-parameter-without-value.json");

        assertThat(f.findings()).containsExactly("UNKNOWN app-nic");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether network interface 'app-nic' "
                + "gives its VM a public IP (publicIPAddress): properties.ipConfigurations[0].properties.publicIPAddress is "
                + "unknown before deployment: parameter 'publicIpNewOrExisting' has no value and no default at template.json:5:5");
    }

    @Test
    void aVmWhoseNicIsNotAmongTheEvaluatedResourcesIsUnknown() {
        Fixture f = eg001("unknown-vm-nic-elsewhere.json");

        assertThat(f.findings()).containsExactly("UNKNOWN app1");
        assertThat(f.findingsOf(Outcome.UNKNOWN).get(0).message()).isEqualTo("unknown whether VM 'app1' gets a public IP "
                + "through network interface 'app1-nic': properties.networkProfile.networkInterfaces[0].id refers to "
                + "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/"
                + "networkInterfaces/app1-nic, which is not among the evaluated resources");
    }

    @Test
    void aVmThatCreatesItsOwnNicWithAPublicIpFailsAndItsSubnetIsANodeSubnet() {
        Fixture f = eg001("fail-vm-own-nic-public-ip.json");

        assertThat(f.findings()).containsExactly("FAIL build1");
        assertThat(f.as("EG002").findings()).containsExactly("FAIL vnet/default");
    }
}
