package dev.egressguard.azure;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resources.ResourceManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.egressguard.azure.TestSupport.SUB;
import static dev.egressguard.azure.TestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit builds its list requests itself (to keep the raw JSON); this test holds them to what
 * the SDK's own service clients of azure-resourcemanager send for the same lists, path and
 * api-version, so an SDK upgrade that moves an api-version shows up here.
 */
class SdkParityTest {

    private final FakeArm fake = new FakeArm();

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<String> requestsOf(Runnable calls) {
        int before = fake.requests().size();
        calls.run();
        List<String> out = new ArrayList<>();
        for (FakeArm.Request r : fake.requests().subList(before, fake.requests().size())) {
            out.add(r.method() + " " + r.path().toLowerCase(Locale.ROOT) + "?api-version=" + r.query().get("api-version"));
        }
        return out;
    }

    @Test
    void theAuditAsksForEachListExactlyAsTheSdkClientsDo() {
        fake.on(r -> r.method().equals("GET"), FakeArm.Reply.json(ArmJson.list()));
        // A custom endpoint needs the whole endpoint map: ComputeManager also builds an
        // AuthorizationManager, which reads the Microsoft Graph endpoint.
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", fake.endpoint() + "/");
        AzureProfile profile = new AzureProfile(TENANT, SUB, new AzureEnvironment(endpoints));
        var pipeline = TestSupport.plainPipeline();
        var network = NetworkManager.authenticate(pipeline, profile).serviceClient();
        var compute = ComputeManager.authenticate(pipeline, profile).serviceClient();
        var aks = ContainerServiceManager.authenticate(pipeline, profile).serviceClient();
        var resources = ResourceManager.authenticate(pipeline, profile);
        String rg = "MC_rg-egress_aks1_westeurope";
        String vmss = "aks-pool1-vmss";

        List<String> sdk = requestsOf(() -> {
            resources.subscriptions().list().stream().count();
            network.getVirtualNetworks().list().stream().count();
            network.getNetworkInterfaces().list().stream().count();
            network.getPublicIpAddresses().list().stream().count();
            network.getPublicIpPrefixes().list().stream().count();
            network.getNatGateways().list().stream().count();
            network.getLoadBalancers().list().stream().count();
            network.getRouteTables().list().stream().count();
            compute.getVirtualMachines().list().stream().count();
            compute.getVirtualMachineScaleSets().list().stream().count();
            network.getNetworkInterfaces().listVirtualMachineScaleSetNetworkInterfaces(rg, vmss).stream().count();
            network.getPublicIpAddresses().listVirtualMachineScaleSetPublicIpAddresses(rg, vmss).stream().count();
            aks.getManagedClusters().list().stream().count();
        });

        // The audit, on a subscription with one Uniform scale set that gives instances public IPs.
        fake.on(FakeArm.get(FakeArm.typePath(SUB, ListedType.VMSS), ListedType.COMPUTE), FakeArm.Reply.json(
                ArmJson.list(TestSupport.items("virtualMachineScaleSets.json").get(0))));
        fake.subscriptions(TENANT, SUB);
        List<String> audit = requestsOf(() -> TestSupport.audit(fake, d -> { }).build().collect());

        assertThat(audit).containsExactlyInAnyOrderElementsOf(sdk);
        System.out.println("SDK 2.57.0 list requests matched by the audit:\n  " + String.join("\n  ", sdk));
    }
}
