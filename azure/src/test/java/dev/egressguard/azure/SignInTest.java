package dev.egressguard.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import dev.egressguard.core.live.LiveInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real {@code DefaultAzureCredential} (its environment credential: a service principal's
 * secret) signing in at the fake's token endpoint over TLS, then reading through the fake as ARM.
 * Every request the SDK and MSAL send goes through one recording client that lets only requests to
 * the fake through, so a request to any other host is seen, and never leaves this machine.
 */
class SignInTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-access-token";
    private static final String CLIENT_ID = "cccccccc-0000-0000-0000-000000000002";

    private final FakeArm fake = FakeArm.https();
    private final List<URL> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void signsInAtAnAuthorityHostThatIsNotEntraIdsWithoutAskingAnyOtherHost() {
        serveOneEmptySubscription();

        AzureAudit audit = audit(environment(Map.of())).authorityHost(fake.endpoint()).build();
        LiveInventory live = audit.collect();

        assertThat(audit.authorityHost()).contains(new AuthorityHost(fake.endpoint(), AuthorityHost.Origin.GIVEN));
        assertThat(live.gaps()).isEmpty();
        assertSignedInAtTheFakeOnly();
    }

    @Test
    void honoursAzureAuthorityHostFromTheEnvironment() {
        serveOneEmptySubscription();

        AzureAudit audit = audit(environment(Map.of("AZURE_AUTHORITY_HOST", fake.endpoint().toString()))).build();
        audit.collect();

        assertThat(audit.authorityHost()).contains(new AuthorityHost(fake.endpoint(), AuthorityHost.Origin.ENVIRONMENT));
        assertSignedInAtTheFakeOnly();
    }

    @Test
    void anExplicitAuthorityHostWinsOverTheEnvironment() {
        serveOneEmptySubscription();

        AzureAudit audit = audit(environment(Map.of("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/")))
                .authorityHost(fake.endpoint()).build();
        audit.collect();

        assertSignedInAtTheFakeOnly();
    }

    /** The control: with Entra ID's own host, MSAL's instance discovery stays on and asks the public cloud. */
    @Test
    void entraIdsOwnHostKeepsInstanceDiscovery() {
        AzureAudit audit = audit(environment(Map.of())).cloud(AzureCloud.AZURE_CLOUD).endpoint(fake.endpoint()).build();

        assertThat(audit.authorityHost()).hasValueSatisfying(a -> assertThat(a.isEntraId()).isTrue());
        assertThatThrownBy(audit::collect).isInstanceOf(AzureAuditException.class);
        assertThat(sent).isNotEmpty().allSatisfy(url -> assertThat(url.getHost()).isEqualTo("login.microsoftonline.com"));
        assertThat(sent.get(0).getPath()).isEqualTo("/common/discovery/instance");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anAuthorityHostMustBeHttps() {
        assertThatThrownBy(() -> audit(environment(Map.of("AZURE_AUTHORITY_HOST", "http://127.0.0.1:1"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AZURE_AUTHORITY_HOST http://127.0.0.1:1 is not an https URL: a token is only asked for over https");
        assertThatThrownBy(() -> audit(environment(Map.of())).authorityHost(URI.create("login.example.test")).build())
                .hasMessage("the authority host login.example.test is not an https URL: a token is only asked for over https");
    }

    private void serveOneEmptySubscription() {
        fake.tokenEndpoint(TestSupport.TENANT, TOKEN)
                .subscriptions(TestSupport.TENANT, TestSupport.SUB)
                .emptySubscription(TestSupport.SUB);
    }

    private void assertSignedInAtTheFakeOnly() {
        assertThat(sent).isNotEmpty().allSatisfy(url ->
                assertThat(url.getHost() + ":" + url.getPort()).isEqualTo("127.0.0.1:" + fake.endpoint().getPort()));
        assertThat(fake.requests()).first().satisfies(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /" + TestSupport.TENANT + "/oauth2/v2.0/token");
            assertThat(r.body()).contains("grant_type=client_credentials", "client_id=" + CLIENT_ID,
                    URLEncoder.encode(fake.endpoint() + "/.default", StandardCharsets.UTF_8));
        });
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("GET")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(fake.unmatched()).isEmpty();
    }

    private AzureAudit.Builder audit(Configuration environment) {
        return AzureAudit.builder().endpoint(fake.endpoint()).httpClient(recordingClient()).configuration(environment)
                .sleeper(d -> { }).maxRetries(0).progress(false);
    }

    /** A service principal's variables, as EnvironmentCredential reads them, plus the test's own. */
    private static Configuration environment(Map<String, String> more) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "AZURE_TENANT_ID", TestSupport.TENANT,
                "AZURE_CLIENT_ID", CLIENT_ID,
                "AZURE_CLIENT_SECRET", "not-a-real-secret"));
        variables.putAll(more);
        return new ConfigurationBuilder(name -> Map.of(), name -> Map.of(), name -> variables).build();
    }

    /** The SDK's Netty client trusting the fake's certificate, letting requests through to the fake only. */
    private HttpClient recordingClient() {
        HttpClient tls = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(trustingTheFake()))).build();
        String fakeAuthority = fake.endpoint().getAuthority();
        return request -> {
            sent.add(request.getUrl());
            if (!request.getUrl().getAuthority().equals(fakeAuthority)) {
                // Refused with a 403 rather than an I/O error, which the SDK would try again and again.
                return Mono.just(new Refused(request));
            }
            return tls.send(request);
        };
    }

    /** What a request to any host but the fake gets: nothing leaves this machine. */
    private static final class Refused extends HttpResponse {
        private static final byte[] BODY = "{\"error\":\"request_refused\",\"error_description\":\"the test lets nothing leave this machine\"}"
                .getBytes(StandardCharsets.UTF_8);

        Refused(HttpRequest request) {
            super(request);
        }

        @Override
        public int getStatusCode() {
            return 403;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return getHeaders().getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json");
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(BODY));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(BODY);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(BODY, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(BODY, charset));
        }
    }

    private static SslContext trustingTheFake() {
        try {
            return SslContextBuilder.forClient().trustManager(SelfSignedTls.get().certificate).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
