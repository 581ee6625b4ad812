package dev.egressguard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.identity.CredentialUnavailableException;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest.Mode;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens: asked for, sent, never written into a message. */
class AuthenticationTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token-value";

    private final FakeArm fake = new FakeArm();

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A caller's pipeline that authenticates the way the SDK's bearer policy does. */
    private static HttpPipeline bearer(String token) {
        HttpPipelinePolicy auth = new HttpPipelineSyncPolicy() {
            @Override
            protected void beforeSendingRequest(com.azure.core.http.HttpPipelineCallContext context) {
                context.getHttpRequest().setHeader("Authorization", "Bearer " + token);
            }
        };
        return new HttpPipelineBuilder().httpClient(TestSupport.HTTP).policies(auth).build();
    }

    @Test
    void theTokenTravelsInTheHeaderAndNeverIntoGaps() {
        String other = "22222222-2222-2222-2222-222222222222";
        fake.subscriptions(TestSupport.TENANT, TestSupport.SUB, other).emptySubscription(TestSupport.SUB);
        fake.on(r -> r.path().startsWith("/subscriptions/" + other + "/"),
                FakeArm.Reply.status(403, "AuthorizationFailed", "no access"));
        fake.on(FakeArm.get(FakeArm.typePath(TestSupport.SUB, ListedType.NIC), ListedType.NETWORK),
                new FakeArm.Reply(200, "not json", java.util.Map.of()));
        java.util.List<String> authHeaders = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpPipeline recording = new HttpPipelineBuilder().httpClient(request -> {
            authHeaders.add(request.getHeaders().getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION));
            return TestSupport.HTTP.send(request);
        }).policies(bearer(TOKEN).getPolicy(0)).build();

        LiveInventory live = AzureAudit.builder().endpoint(fake.endpoint()).httpPipeline(recording)
                .sleeper(d -> { }).progress(false).build().collect();

        assertThat(authHeaders).isNotEmpty().containsOnly("Bearer " + TOKEN);
        assertThat(live.gaps()).hasSize(2).extracting(Diagnostic::message)
                .allSatisfy(m -> assertThat(m).doesNotContain("secret-token-value").doesNotContain("Bearer"));
    }

    @Test
    void noTokenMeansNoAuditAndSaysHowToSignIn() {
        HttpPipeline failing = new HttpPipelineBuilder().httpClient(TestSupport.HTTP).policies(
                (context, next) -> Mono.error(new ClientAuthenticationException(
                        "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted...", null))).build();

        assertThatThrownBy(() -> AzureAudit.builder().endpoint(fake.endpoint()).httpPipeline(failing).progress(false)
                .build().collect())
                .isInstanceOf(AzureAuditException.class)
                .hasMessage("could not get a token for Azure Resource Manager (DefaultAzureCredential failed to retrieve a"
                        + " token from the included credentials.). Sign in with 'az login', set AZURE_TENANT_ID/AZURE_CLIENT_ID/"
                        + "AZURE_CLIENT_SECRET, or run where a managed identity or workload identity is available.");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void noCredentialAtAllIsSaidPlainlyNotByTheFirstCredentialsMessage() {
        HttpPipeline failing = new HttpPipelineBuilder().httpClient(TestSupport.HTTP).policies(
                (context, next) -> Mono.error(new CredentialUnavailableException(
                        "EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\r\n"
                                + "WorkloadIdentityCredential authentication unavailable.\r\n"))).build();

        assertThatThrownBy(() -> AzureAudit.builder().endpoint(fake.endpoint()).httpPipeline(failing).progress(false)
                .build().collect())
                .isInstanceOf(AzureAuditException.class)
                .hasMessage("could not get a token for Azure Resource Manager: DefaultAzureCredential found no credential"
                        + " to use. Sign in with 'az login', set AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET, or run"
                        + " where a managed identity or workload identity is available.");
    }

    @Test
    void aFailureMessageEndingItsLinesWithCrLfStillGivesOneLine() {
        HttpPipeline failing = new HttpPipelineBuilder().httpClient(TestSupport.HTTP).policies(
                (context, next) -> Mono.error(new ClientAuthenticationException(
                        "EnvironmentCredential authentication failed.\r\nAADSTS7000215: Invalid client secret.", null))).build();

        assertThatThrownBy(() -> AzureAudit.builder().endpoint(fake.endpoint()).httpPipeline(failing).progress(false)
                .build().collect())
                .hasMessageStartingWith("could not get a token for Azure Resource Manager (EnvironmentCredential"
                        + " authentication failed.). Sign in with");
    }

    @Test
    void aCredentialIsOnlyUsedOverHttps() {
        assertThatThrownBy(() -> AzureAudit.builder().endpoint(fake.endpoint())
                .credential(request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ARM endpoint " + fake.endpoint() + " is not https: a token is only sent over https");
    }

    @Test
    void theDefaultIsThePublicCloudWithDefaultAzureCredential() {
        AzureAudit audit = AzureAudit.builder().progress(false).build();
        assertThat(audit.mode()).isEqualTo(Mode.LIST);
        assertThat(audit.endpoint()).isEqualTo(URI.create("https://management.azure.com"));
    }
}
