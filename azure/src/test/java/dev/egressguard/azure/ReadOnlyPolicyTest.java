package dev.egressguard.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.egressguard.core.live.LiveRequest.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit's pipeline lets GETs and Resource Graph queries out, and nothing else. */
class ReadOnlyPolicyTest {

    private final FakeArm fake = new FakeArm();
    private final RequestCounter counter = new RequestCounter();
    private final HttpPipeline pipeline = AuditPipeline.build(
            new ArmRetryPolicy(0, Duration.ofMillis(1), Duration.ofMinutes(1), d -> { }),
            counter, null, null, TestSupport.plainPipeline(), fake.endpoint());

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse send(HttpMethod method, String path) {
        HttpRequest request = new HttpRequest(method, fake.endpoint() + path);
        if (method != HttpMethod.GET) {
            request.setBody("{}");
        }
        return pipeline.sendSync(request, Context.NONE);
    }

    @ParameterizedTest
    @CsvSource({
            "PUT, /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/natGateways/n?api-version=2025-03-01",
            "PATCH, /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/natGateways/n?api-version=2025-03-01",
            "DELETE, /subscriptions/s/resourceGroups/rg?api-version=2022-12-01",
            "POST, /subscriptions/s/providers/Microsoft.ContainerService/register?api-version=2022-12-01",
            "POST, /subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/listClusterAdminCredential?api-version=2025-09-01",
            "POST, /providers/Microsoft.ResourceGraph/resources/../../Microsoft.Resources/deployments?api-version=2021-03-01",
            "HEAD, /subscriptions/s?api-version=2022-12-01",
    })
    void refusesEverythingButReadsBeforeItIsSent(String method, String path) {
        assertThatThrownBy(() -> send(HttpMethod.valueOf(method), path))
                .isInstanceOf(ReadOnlyPolicy.WriteRefusedException.class)
                .hasMessageStartingWith("Egress Guard only reads: refused " + method + " " + fake.endpoint())
                .hasMessageEndingWith("(only GET requests and Resource Graph queries are sent)");
        assertThat(fake.requests()).isEmpty();
        assertThat(counter.count()).isZero();
    }

    @Test
    void letsGetsAndResourceGraphQueriesThrough() {
        fake.subscriptions(TestSupport.TENANT, TestSupport.SUB);
        fake.on(FakeArm.graph("resources", null), FakeArm.Reply.json(FakeArm.JSON.createObjectNode().putArray("data")));

        try (HttpResponse get = send(HttpMethod.GET, "/subscriptions?api-version=2022-12-01")) {
            assertThat(get.getStatusCode()).isEqualTo(200);
        }
        HttpRequest query = new HttpRequest(HttpMethod.POST,
                fake.endpoint() + "/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01");
        query.setBody("{\"query\": \"resources | limit 1\"}");
        try (HttpResponse post = pipeline.sendSync(query, Context.NONE)) {
            assertThat(post.getStatusCode()).isEqualTo(200);
        }
        assertThat(fake.requests()).extracting(FakeArm.Request::method).containsExactly("GET", "POST");
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void refusesTheSdksOwnWritesSuchAsProviderRegistration() {
        java.util.Map<String, String> endpoints = new java.util.HashMap<>(
                com.azure.core.management.AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", fake.endpoint() + "/");
        var profile = new com.azure.core.management.profile.AzureProfile(TestSupport.TENANT, TestSupport.SUB,
                new com.azure.core.management.AzureEnvironment(endpoints));
        var resources = com.azure.resourcemanager.resources.ResourceManager.authenticate(pipeline, profile)
                .withSubscription(TestSupport.SUB);
        var network = com.azure.resourcemanager.network.NetworkManager.authenticate(pipeline, profile).serviceClient();

        assertThat(refusal(() -> resources.providers().register("Microsoft.ContainerService")))
                .hasMessageContaining("refused POST " + fake.endpoint() + "/subscriptions/" + TestSupport.SUB
                        + "/providers/Microsoft.ContainerService/register");
        assertThat(refusal(() -> network.getNatGateways().delete("rg", "natgw1"))).hasMessageContaining("refused DELETE");
        assertThat(refusal(() -> resources.resourceGroups().define("rg2").withRegion("westeurope").create()))
                .hasMessageContaining("refused PUT");
        assertThat(fake.requests()).isEmpty();
    }

    /** The refusal, however deep the SDK wrapped it. */
    private static Throwable refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        while (t != null && !(t instanceof ReadOnlyPolicy.WriteRefusedException)) {
            t = t.getCause();
        }
        assertThat(t).as("a WriteRefusedException").isNotNull();
        return t;
    }

    @Test
    void refusesAsynchronousWritesToo() {
        HttpRequest put = new HttpRequest(HttpMethod.PUT, fake.endpoint() + "/subscriptions/s?api-version=1");
        assertThatThrownBy(() -> pipeline.send(put).block())
                .isInstanceOf(ReadOnlyPolicy.WriteRefusedException.class);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void theAuditSendsNothingButGetsAndResourceGraphQueries() {
        TestSupport.fixtureSubscription(fake);
        TestSupport.audit(fake, d -> { }).build().collect();
        fake.on(r -> true, FakeArm.Reply.json(FakeArm.JSON.createObjectNode().putArray("data")));
        TestSupport.audit(fake, d -> { }).mode(Mode.RESOURCE_GRAPH).build().collect();

        assertThat(fake.requests()).isNotEmpty().allSatisfy(r -> assertThat(
                ReadOnlyPolicy.isAllowed(HttpMethod.valueOf(r.method()), r.path())).isTrue());
        assertThat(fake.requests()).extracting(FakeArm.Request::method).contains("GET", "POST");
    }
}
