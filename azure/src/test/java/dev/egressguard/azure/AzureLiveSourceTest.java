package dev.egressguard.azure;

import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module as core's LiveSource: how the Maven plugin finds and calls it. */
class AzureLiveSourceTest {

    @Test
    void isRegisteredForTheServiceLoader() {
        assertThat(ServiceLoader.load(LiveSource.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AzureLiveSource.class);
    }

    @Test
    void anInvalidRequestIsRefusedWithTheBuildersMessage() {
        LiveRequest bothScopes = new LiveRequest(List.of("1111"), "platform", null, null, null);
        LiveRequest badId = new LiveRequest(List.of("not/an/id"), null, null, null, null);

        assertThatThrownBy(() -> new AzureLiveSource().read(bothScopes)).isInstanceOf(LiveSourceException.class)
                .hasMessage("give subscriptions or a management group, not both");
        assertThatThrownBy(() -> new AzureLiveSource().read(badId)).isInstanceOf(LiveSourceException.class)
                .hasMessage("'not/an/id' is not a subscription id");
    }

    @Test
    void aPlainHttpEndpointIsRefusedBeforeAnyRequest() {
        LiveRequest request = new LiveRequest(List.of(), null, null, null, URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> new AzureLiveSource().read(request)).isInstanceOf(LiveSourceException.class)
                .hasMessageContaining("is not https");
    }

    @Test
    void theRequestsModeAndEndpointReachTheAudit() {
        LiveRequest graph = new LiveRequest(List.of("1111"), null, LiveRequest.Mode.RESOURCE_GRAPH, "tenant",
                URI.create("https://management.example.test"));
        LiveRequest group = new LiveRequest(List.of(), "platform", null, null, null);

        AzureAudit graphAudit = AzureLiveSource.configure(graph).httpPipeline(TestSupport.plainPipeline()).build();
        AzureAudit groupAudit = AzureLiveSource.configure(group).httpPipeline(TestSupport.plainPipeline()).build();

        assertThat(graphAudit.mode()).isEqualTo(LiveRequest.Mode.RESOURCE_GRAPH);
        assertThat(graphAudit.endpoint()).isEqualTo(URI.create("https://management.example.test"));
        assertThat(groupAudit.mode()).isEqualTo(LiveRequest.Mode.RESOURCE_GRAPH);
    }

    @Test
    void theRequestsCloudAndAuthorityHostReachTheAudit() {
        LiveRequest china = new LiveRequest(List.of(), null, null, null, null, "AzureChinaCloud",
                URI.create("https://login.example.test/"));

        AzureAudit audit = AzureLiveSource.configure(china).build();

        assertThat(audit.endpoint()).isEqualTo(URI.create("https://management.chinacloudapi.cn"));
        assertThat(audit.authorityHost()).contains(
                new AuthorityHost(URI.create("https://login.example.test/"), AuthorityHost.Origin.GIVEN));
        assertThatThrownBy(() -> new AzureLiveSource().read(new LiveRequest(List.of(), null, null, null, null, "Mars", null)))
                .isInstanceOf(LiveSourceException.class)
                .hasMessage("'Mars' is not an Azure cloud: use one of AzureCloud, AzureChinaCloud, AzureUSGovernment");
    }
}
