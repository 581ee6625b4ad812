package dev.egressguard.azure;

import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cloud brings its Resource Manager endpoint (Resource Graph's too) and its authority host; flags win. */
class AzureCloudTest {

    private static final Configuration NO_VARIABLES = new ConfigurationBuilder(n -> Map.of(), n -> Map.of(), n -> Map.of()).build();

    @Test
    void eachCloudReadsAndSignsInAtItsOwnHosts() {
        assertCloud(AzureCloud.AZURE_CLOUD, "https://management.azure.com", "https://login.microsoftonline.com/");
        assertCloud(AzureCloud.AZURE_CHINA_CLOUD, "https://management.chinacloudapi.cn", "https://login.chinacloudapi.cn/");
        assertCloud(AzureCloud.AZURE_US_GOVERNMENT, "https://management.usgovcloudapi.net", "https://login.microsoftonline.us/");
    }

    private static void assertCloud(AzureCloud cloud, String arm, String authority) {
        AzureAudit audit = AzureAudit.builder().cloud(cloud).configuration(NO_VARIABLES).progress(false).build();

        assertThat(audit.endpoint()).isEqualTo(URI.create(arm));
        assertThat(audit.authorityHost()).contains(new AuthorityHost(URI.create(authority), AuthorityHost.Origin.CLOUD));
        assertThat(audit.authorityHost().orElseThrow().isEntraId()).isTrue();
    }

    @Test
    void cloudsAreNamedAsAzCloudNamesThem() {
        assertThat(AzureCloud.named("AzureChinaCloud")).isEqualTo(AzureCloud.AZURE_CHINA_CLOUD);
        assertThat(AzureCloud.named(" azureusgovernment ")).isEqualTo(AzureCloud.AZURE_US_GOVERNMENT);
        assertThat(AzureCloud.named("AzureCloud")).isEqualTo(AzureCloud.AZURE_CLOUD);
        assertThatThrownBy(() -> AzureCloud.named("AzureGermanCloud"))
                .hasMessage("'AzureGermanCloud' is not an Azure cloud: use one of AzureCloud, AzureChinaCloud, AzureUSGovernment");
    }

    @Test
    void explicitEndpointsWinOverTheCloudsAndTheEnvironment() {
        Configuration variables = new ConfigurationBuilder(n -> Map.of(), n -> Map.of(),
                n -> Map.of("AZURE_AUTHORITY_HOST", "https://login.example.test/")).build();

        AzureAudit fromVariable = AzureAudit.builder().cloud(AzureCloud.AZURE_CHINA_CLOUD).configuration(variables)
                .progress(false).build();
        AzureAudit fromFlags = AzureAudit.builder().cloud(AzureCloud.AZURE_CHINA_CLOUD).configuration(variables)
                .endpoint(URI.create("https://management.stack.example.test"))
                .authorityHost(URI.create("https://adfs.stack.example.test/")).progress(false).build();

        assertThat(fromVariable.endpoint()).isEqualTo(URI.create("https://management.chinacloudapi.cn"));
        assertThat(fromVariable.authorityHost()).contains(
                new AuthorityHost(URI.create("https://login.example.test/"), AuthorityHost.Origin.ENVIRONMENT));
        assertThat(fromFlags.endpoint()).isEqualTo(URI.create("https://management.stack.example.test"));
        assertThat(fromFlags.authorityHost()).contains(
                new AuthorityHost(URI.create("https://adfs.stack.example.test/"), AuthorityHost.Origin.GIVEN));
    }

    @Test
    void onlyEntraIdsOwnHostsKeepInstanceDiscovery() {
        assertThat(new AuthorityHost(URI.create("https://login.microsoftonline.com/"), AuthorityHost.Origin.GIVEN).isEntraId()).isTrue();
        assertThat(new AuthorityHost(URI.create("https://LOGIN.chinacloudapi.cn"), AuthorityHost.Origin.GIVEN).isEntraId()).isTrue();
        assertThat(new AuthorityHost(URI.create("https://adfs.local.azurestack.external/adfs"), AuthorityHost.Origin.GIVEN).isEntraId()).isFalse();
        assertThat(new AuthorityHost(URI.create("https://login.microsoftonline.com.example.test/"), AuthorityHost.Origin.GIVEN).isEntraId()).isFalse();
        assertThat(new AuthorityHost(URI.create("https://127.0.0.1:8443/"), AuthorityHost.Origin.GIVEN).isEntraId()).isFalse();
    }
}
