package dev.egressguard.azure;

import dev.egressguard.core.live.LiveRequest.Mode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureAuditBuilderTest {

    @Test
    void aManagementGroupIsReadWithResourceGraph() {
        assertThatThrownBy(() -> AzureAudit.builder().managementGroup("mg").mode(Mode.LIST)
                .httpPipeline(TestSupport.plainPipeline()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a management group is read with Resource Graph: use mode RESOURCE_GRAPH");
        assertThatThrownBy(() -> AzureAudit.builder().managementGroup("mg").subscriptions("s1")
                .httpPipeline(TestSupport.plainPipeline()).build())
                .hasMessage("give subscriptions or a management group, not both");
    }

    @Test
    void refusesIdsThatWouldChangeThePath() {
        assertThatThrownBy(() -> AzureAudit.builder().subscriptions("s1/../../providers"))
                .hasMessage("'s1/../../providers' is not a subscription id");
        assertThatThrownBy(() -> AzureAudit.builder().managementGroup("mg?x=1"))
                .hasMessage("'mg?x=1' is not a management group id");
    }

    @Test
    void listModeIsTheDefault() {
        assertThat(AzureAudit.builder().httpPipeline(TestSupport.plainPipeline()).build().mode()).isEqualTo(Mode.LIST);
    }

    @Test
    void progressRewritesOneLineAndClearsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress.Console console = new Progress.Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        console.update("[1/2] Prod", "networkInterfaces", 1234, 7);
        console.update("[1/2] Prod", "natGateways", 1300, 8);
        console.done();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[1/2] Prod: networkInterfaces — 1,234 resources, 7 requests")
                .contains("\r[1/2] Prod: natGateways — 1,300 resources, 8 requests")
                .doesNotContain("\n")
                .endsWith("\r");
    }
}
