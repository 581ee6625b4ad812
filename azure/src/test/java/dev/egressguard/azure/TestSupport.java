package dev.egressguard.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.live.LiveInventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared by the tests: the real SDK transport without a bearer token, recorded waits, fixtures. */
final class TestSupport {

    static final String SUB = "11111111-1111-1111-1111-111111111111";
    static final String TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
    static final String RG = "/subscriptions/" + SUB + "/resourceGroups/rg-egress/providers";
    static final String MC = "/subscriptions/" + SUB + "/resourceGroups/MC_rg-egress_aks1_westeurope/providers";

    /** One SDK HTTP client (Netty) for all tests, as an application would share it. */
    static final HttpClient HTTP = HttpClient.createDefault();

    private TestSupport() {
    }

    /** Waits that are recorded, not slept. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** The SDK's HTTP client in a pipeline without the bearer-token policy (the fake speaks plain HTTP). */
    static HttpPipeline plainPipeline() {
        return new HttpPipelineBuilder().httpClient(HTTP).build();
    }

    static AzureAudit.Builder audit(FakeArm fake, Sleeper sleeper) {
        return AzureAudit.builder().endpoint(fake.endpoint()).httpPipeline(plainPipeline()).sleeper(sleeper)
                .progress(false);
    }

    static JsonNode resource(String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/arm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource arm/" + name);
            }
            return FakeArm.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the rule engine sees of an audit: the resources with their inline children made resources by the core. */
    static List<dev.egressguard.core.model.Resource> normalised(LiveInventory live) {
        return dev.egressguard.core.model.Normalizer.normalize(live.resources());
    }

    /** The {@code value} items of a list fixture. */
    static List<JsonNode> items(String name) {
        List<JsonNode> out = new ArrayList<>();
        resource(name).path("value").forEach(out::add);
        return out;
    }

    /** Serves the fixture subscription of src/test/resources/arm: every type the list mode reads. */
    static FakeArm fixtureSubscription(FakeArm fake) {
        fake.list("/subscriptions", ListedType.SUBSCRIPTIONS, items("subscriptions.json"));
        for (ListedType t : ListedType.ALL) {
            String file = t.plural() + ".json";
            fake.list(FakeArm.typePath(SUB, t.type()), t.apiVersion(), items(file));
        }
        String vmss = MC + "/Microsoft.Compute/virtualMachineScaleSets/aks-pool1-vmss";
        fake.list(vmss + "/networkInterfaces", ListedType.VMSS_INSTANCE_NETWORK, items("vmss-networkInterfaces.json"));
        fake.list(vmss + "/publicipaddresses", ListedType.VMSS_INSTANCE_NETWORK, items("vmss-publicipaddresses.json"));
        return fake;
    }
}
