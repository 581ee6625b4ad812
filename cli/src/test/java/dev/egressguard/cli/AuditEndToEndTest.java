package dev.egressguard.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress audit} end to end, in a JVM of its own: the real DefaultAzureCredential signs in
 * with a service principal's variables at the fake's token endpoint over TLS, and the audit reads
 * the fake as Resource Manager. The process can resolve no name but localhost, so an audit that
 * asked any other host (MSAL's instance discovery at login.microsoftonline.com) would fail.
 */
class AuditEndToEndTest {

    private static final String TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String SUB = "11111111-1111-1111-1111-111111111111";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-access-token";

    @TempDir
    Path dir;

    private FakeAzure fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void signsInAtTheAuthorityHostGivenAndReadsThroughTheArmEndpoint() {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN);

        Run run = egress(servicePrincipal(), "audit", "--authority-host", fake.endpoint().toString(),
                "--arm-endpoint", fake.endpoint().toString(), "--subscriptions", SUB, "--format", "console");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).singleElement().asString().matches("egress: read 0 resources with \\d+ requests");
        assertSignedInAndReadAtTheFake();
    }

    @Test
    void takesTheAuthorityHostFromAzureAuthorityHost() {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN);
        Map<String, String> environment = new java.util.HashMap<>(servicePrincipal());
        environment.put("AZURE_AUTHORITY_HOST", fake.endpoint().toString());

        Run run = egress(environment, "audit", "--arm-endpoint", fake.endpoint().toString(), "--subscriptions", SUB,
                "--format", "console");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSignedInAndReadAtTheFake();
    }

    @Test
    void withoutCredentialsPrintsOneLineOfItsOwn() {
        Run run = egress(noCredentials(), "audit");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("egress: could not get a token for Azure Resource Manager: DefaultAzureCredential found no"
                        + " credential to use. Sign in with 'az login', set AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET,"
                        + " or run where a managed identity or workload identity is available.")
                .doesNotContain("SLF4J", "az.sdk.message");
    }

    @Test
    void debugShowsTheSdksOwnLogLines() {
        Run run = egress(noCredentials(), "audit", "--debug");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("egress: could not get a token for Azure Resource Manager")
                .contains("com.azure.identity").doesNotContain("SLF4J:");
    }

    @Test
    void anUnknownCloudIsAUsageErrorNamingTheClouds() {
        Run run = egress(Map.of(), "audit", "--cloud", "AzureGermanCloud");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cloud: 'AzureGermanCloud' is not an Azure cloud: use one of AzureCloud,"
                + " AzureChinaCloud, AzureUSGovernment");
    }

    private void assertSignedInAndReadAtTheFake() {
        List<FakeAzure.Request> requests = fake.requests();
        assertThat(requests).first().satisfies(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /" + TENANT + "/oauth2/v2.0/token");
            assertThat(r.body()).contains("grant_type=client_credentials", "client_id=cccccccc");
        });
        assertThat(requests.subList(1, requests.size())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
        });
    }

    private Run egress(Map<String, String> environment, String... args) {
        List<String> trust = fake == null ? List.of() : List.of(
                "-Djavax.net.ssl.trustStore=" + fake.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + FakeAzure.PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        return EgressProcess.run(dir, environment, trust, args);
    }

    private static Map<String, String> servicePrincipal() {
        return Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", "cccccccc-0000-0000-0000-000000000002",
                "AZURE_CLIENT_SECRET", "not-a-real-secret");
    }

    /**
     * No variables, no az: DefaultAzureCredential tries them all. Its managed identity asks the
     * instance metadata service, here a port on this machine that nothing listens on (not the
     * link-local address of Azure's, which no test sends to).
     */
    private static Map<String, String> noCredentials() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + closedPort);
    }
}
