package dev.egressguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress map --live} end to end, in a JVM of its own as {@link AuditEndToEndTest} runs it: the
 * real DefaultAzureCredential signs in at the fake's token endpoint, the Azure module reads the fake
 * subscription (src/test/resources/live: a scale set on a subnet whose NAT gateway has a public IP
 * and a prefix, a jump VM with a public IP of its own), and the map shows the addresses ARM reports.
 */
class MapLiveTest {

    private static final String TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String SUB = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER = "22222222-2222-2222-2222-222222222222";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-access-token";
    private static final String RG = "/subscriptions/" + SUB + "/resourceGroups/rg-shop/providers";

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
    void theJsonMapHasTheNodesWithTheAddressesArmReports() throws Exception {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN, fixture());

        Run run = egress("map", "--live", "--subscriptions", SUB, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).singleElement().asString().matches("egress: read 8 resources with \\d+ requests");
        JsonNode map = new ObjectMapper().readTree(run.out());
        assertThat(map.get("schemaVersion").asInt()).isEqualTo(1);
        List<String> nodes = new ArrayList<>();
        for (JsonNode n : map.get("nodes")) {
            List<String> cidrs = new ArrayList<>();
            n.at("/egress/publicIps").forEach(ip -> cidrs.add(ip.get("address").isNull()
                    ? ip.get("prefix").asText() : ip.get("address").asText()));
            nodes.add(n.get("kind").asText() + " " + n.get("name").asText() + " " + n.at("/egress/path").asText()
                    + " " + n.at("/egress/via").asText() + " " + cidrs + " file=" + n.get("file"));
        }
        assertThat(nodes).containsExactlyInAnyOrder(
                "virtualMachine jump-vm instancePublicIp " + RG + "/Microsoft.Network/publicIPAddresses/jump-ip"
                        + " [198.51.100.7] file=null",
                "scaleSet shop-workers natGateway " + RG + "/Microsoft.Network/natGateways/shop-nat"
                        + " [203.0.113.45, 198.51.100.64/29] file=null");
        List<String> egressIps = new ArrayList<>();
        map.get("egressIps").forEach(ip -> egressIps.add(ip.get("cidr").asText()));
        assertThat(egressIps).containsExactlyInAnyOrder("198.51.100.7/32", "203.0.113.45/32", "198.51.100.64/29");
        assertThat(map.at("/summary/unknownAddresses").asInt()).isZero();
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.method()).isIn("GET", "POST"))
                .filteredOn(r -> r.method().equals("POST")).allSatisfy(r -> assertThat(r.path()).endsWith("/token"));
    }

    @Test
    void theAllowlistListsTheRealCidrsPerGroup() {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN, fixture());

        Run run = egress("map", "--live", "--subscriptions", SUB, "--format", "allowlist");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> !l.startsWith("#")).toList())
                .containsExactly("198.51.100.7/32", "198.51.100.64/29", "203.0.113.45/32");
        assertThat(run.out()).contains("# vnet shop-vnet\n");
    }

    @Test
    void aForbiddenSubscriptionIsReportedTheOtherIsMappedAndTheExitCodeIs2() throws Exception {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN, fixture()).forbid(OTHER);

        Run run = egress("map", "--live", "--subscriptions", SUB + "," + OTHER, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        JsonNode map = new ObjectMapper().readTree(run.out());
        assertThat(map.at("/summary/nodes").asInt()).isEqualTo(2);
        assertThat(run.err().lines().toList()).satisfiesExactly(
                read -> assertThat(read).matches("egress: read 8 resources with \\d+ requests \\(incomplete: see the warnings\\)"),
                gap -> assertThat(gap).startsWith("/subscriptions/" + OTHER + ": warning: subscription " + OTHER
                        + ": 403 AuthorizationFailed: ").endsWith("its resources are not audited"),
                last -> assertThat(last).isEqualTo("egress: some of the scope could not be read (see the warnings above);"
                        + " the map shows what was read"));
    }

    @Test
    void aSubscriptionWithoutNodesSaysSoAndExits0() {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN);

        Run run = egress("map", "--live", "--subscriptions", SUB);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Egress map: 0 nodes; 0 egress IPs");
        assertThat(run.err()).contains("egress: no nodes found in 1 scope: /subscriptions/" + SUB + "; the map is empty");
    }

    /** The fixture's lists by resource type, as the fake answers them. */
    private static Map<String, String> fixture() {
        Map<String, String> lists = new LinkedHashMap<>();
        for (String type : List.of("Microsoft.Network/virtualNetworks", "Microsoft.Network/natGateways",
                "Microsoft.Network/publicIPAddresses", "Microsoft.Network/publicIPPrefixes",
                "Microsoft.Network/networkInterfaces", "Microsoft.Compute/virtualMachines",
                "Microsoft.Compute/virtualMachineScaleSets")) {
            String file = "/live/" + type.substring(type.indexOf('/') + 1) + ".json";
            try (InputStream in = MapLiveTest.class.getResourceAsStream(file)) {
                lists.put(type, new ObjectMapper().readTree(in).get("value").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lists;
    }

    private Run egress(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--arm-endpoint", fake.endpoint().toString(), "--authority-host", fake.endpoint().toString()));
        return EgressProcess.run(dir, Map.of("AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID",
                        "cccccccc-0000-0000-0000-000000000002", "AZURE_CLIENT_SECRET", "not-a-real-secret"),
                List.of("-Djavax.net.ssl.trustStore=" + fake.trustStore(),
                        "-Djavax.net.ssl.trustStorePassword=" + FakeAzure.PASSWORD,
                        "-Djavax.net.ssl.trustStoreType=PKCS12"),
                all.toArray(String[]::new));
    }
}
