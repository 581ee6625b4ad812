package dev.egressguard.maven;

import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What egress:audit refuses before it reads anything (no network here). The live source is the
 * Azure module's, found on the test class path instead of resolved from a repository.
 */
class AuditMojoTest {

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    private AuditMojo mojo() {
        AuditMojo m = new AuditMojo();
        m.setLog(log);
        m.basedir = basedir.toFile();
        m.reportsDirectory = basedir.resolve("target/egress").toFile();
        m.formats = new ArrayList<>(List.of("console"));
        m.failOn = "error";
        m.builtInRules = true;
        m.liveSources = () -> ServiceLoader.load(LiveSource.class).findFirst().orElseThrow();
        return m;
    }

    @Test
    void subscriptionsAndAManagementGroupTogetherAreRefused() {
        AuditMojo m = mojo();
        m.subscriptions = List.of("1111");
        m.managementGroup = "platform";

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: give subscriptions or a management group, not both");
    }

    @Test
    void aCommaSeparatedPropertyIsSplitAndEachIdChecked() {
        AuditMojo m = mojo();
        m.subscriptions = List.of("1111,not/an/id");

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: 'not/an/id' is not a subscription id");
    }

    @Test
    void anUnknownModeIsRefused() {
        AuditMojo m = mojo();
        m.auditMode = "scan";

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: egress.auditMode: 'scan' is not one of list, resource-graph");
    }

    @Test
    void theParametersReachTheLiveSourceAsOneRequestAndWhatItReadsIsReported() throws Exception {
        AuditMojo m = mojo();
        m.managementGroup = " platform ";
        m.auditMode = "Resource_Graph";
        m.tenantId = " contoso ";
        m.armEndpoint = "https://management.usgovcloudapi.net";
        m.formats = new ArrayList<>(List.of("console,json"));
        List<LiveRequest> asked = new ArrayList<>();
        m.liveSources = () -> request -> {
            asked.add(request);
            return new LiveInventory(List.of(), List.of(), 3, List.of());
        };

        m.execute();

        assertThat(asked).containsExactly(new LiveRequest(List.of(), "platform", LiveRequest.Mode.RESOURCE_GRAPH,
                "contoso", URI.create("https://management.usgovcloudapi.net")));
        assertThat(log.text()).contains("Read 0 resources with 3 requests.");
        assertThat(Files.readString(basedir.resolve("target/egress/egress-report.json")))
                .contains("/providers/Microsoft.Management/managementGroups/platform");
    }

    @Test
    void theCloudAndTheAuthorityHostReachTheLiveSource() throws Exception {
        AuditMojo m = mojo();
        m.cloud = " AzureUSGovernment ";
        m.authorityHost = "https://adfs.local.azurestack.external/adfs";
        List<LiveRequest> asked = new ArrayList<>();
        m.liveSources = () -> request -> {
            asked.add(request);
            return new LiveInventory(List.of(), List.of(), 1, List.of());
        };

        m.execute();

        assertThat(asked).containsExactly(new LiveRequest(List.of(), null, null, null, null, "AzureUSGovernment",
                URI.create("https://adfs.local.azurestack.external/adfs")));
    }

    @Test
    void aLiveSourceThatCannotBeLoadedStopsTheGoalWithItsMessage() {
        AuditMojo m = mojo();
        m.liveSources = () -> {
            throw new MojoExecutionException(AzureModule.unresolvable("dev.egressguard:egress-guard-azure:1.0",
                    "Could not find artifact", true));
        };

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("dev.egressguard:egress-guard-azure:1.0")
                .hasMessageContaining("offline (-o)");
    }

    @Test
    void skipReadsNothing() throws Exception {
        AuditMojo m = mojo();
        m.skip = true;

        m.execute();

        assertThat(log.text()).contains("Egress Guard is skipped");
    }
}
