package dev.egressguard.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.cli.EgressCommand;
import dev.egressguard.cli.FakeAzure;
import dev.egressguard.core.live.LiveSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress audit} and {@code egress:audit} take one path: flags and parameters read by core's
 * LiveRequest, the Azure module found through core's LiveSource seam, the report made by
 * EgressGuard.audit(inventory, request). Both read the same fake subscription here, signing in with
 * a service principal at the fake's token endpoint over TLS, and must send the same requests and
 * write the same findings, scopes and summary.
 */
class OneAuditPathTest {

    private static final String TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String SUB = "11111111-1111-1111-1111-111111111111";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-access-token";

    @TempDir
    Path dir;

    private final Map<String, String> savedProperties = new LinkedHashMap<>();
    private FakeAzure fake;

    @AfterEach
    void restore() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theCliAndThePluginReadTheSameSubscriptionIntoTheSameReport() throws Exception {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN, Map.of("Microsoft.Compute/virtualMachineScaleSets",
                "[" + scaleSet() + "]"));
        // The Azure SDK reads its configuration from system properties before the environment.
        setProperty("AZURE_TENANT_ID", TENANT);
        setProperty("AZURE_CLIENT_ID", "cccccccc-0000-0000-0000-000000000002");
        setProperty("AZURE_CLIENT_SECRET", "not-a-real-secret");
        setProperty("javax.net.ssl.trustStore", fake.trustStore().toString());
        setProperty("javax.net.ssl.trustStorePassword", FakeAzure.PASSWORD);
        setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        String endpoint = fake.endpoint().toString();

        Path cliReport = dir.resolve("cli/egress-report.json");
        int cliExit = cli("audit", "--subscriptions", SUB, "--arm-endpoint", endpoint, "--authority-host", endpoint,
                "--format", "json", "--output", cliReport.toString(), "--fail-on", "never");
        List<String> cliRequests = paths(fake.requests());

        AuditMojo mojo = new AuditMojo();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.basedir = dir.resolve("plugin").toFile();
        mojo.reportsDirectory = dir.resolve("plugin/target/egress").toFile();
        mojo.formats = new ArrayList<>(List.of("json"));
        mojo.failOn = "never";
        mojo.builtInRules = true;
        mojo.subscriptions = List.of(SUB);
        mojo.armEndpoint = endpoint;
        mojo.authorityHost = endpoint;
        mojo.liveSources = () -> ServiceLoader.load(LiveSource.class).findFirst().orElseThrow();
        mojo.execute();
        List<String> allRequests = paths(fake.requests());
        List<String> pluginRequests = allRequests.subList(cliRequests.size(), allRequests.size());

        assertThat(cliExit).isZero();
        assertThat(pluginRequests).as("the same reads").isEqualTo(cliRequests)
                .contains("GET /subscriptions/" + SUB + "/providers/Microsoft.Compute/virtualMachineScaleSets");
        JsonNode fromCli = json(cliReport);
        JsonNode fromPlugin = json(dir.resolve("plugin/target/egress/egress-report.json"));
        assertThat(fromPlugin.get("findings")).isEqualTo(fromCli.get("findings"));
        assertThat(fromPlugin.get("diagnostics")).isEqualTo(fromCli.get("diagnostics"));
        assertThat(fromPlugin.get("summary")).isEqualTo(fromCli.get("summary"));
        assertThat(fromPlugin.get("inputs")).isEqualTo(fromCli.get("inputs"));
        assertThat(fromCli.get("inputs").toString()).isEqualTo("[\"/subscriptions/" + SUB + "\"]");
        // The scale set's public IPs fail EG001; its subnet was not read, so EG002 cannot tell.
        assertThat(fromCli.get("findings")).extracting(f -> f.get("ruleId").asText() + " " + f.get("outcome").asText()
                + " " + f.get("resourceId").asText().replaceAll(".*/virtualMachineScaleSets/", ""))
                .containsExactly("EG001 FAIL workers", "EG002 UNKNOWN workers/networkInterfaceConfigurations/nic/ipConfigurations/ip");
        assertThat(log.text()).contains("Read 1 resources with " + pluginRequests.size() + " requests.");
    }

    private int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EgressCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertThat(err.toString()).as("the CLI's standard error").startsWith("egress: read 1 resources with ");
        return exit;
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    /** What the reads asked, without the sign-in (MSAL may reuse a token it holds). */
    private static List<String> paths(List<FakeAzure.Request> requests) {
        return requests.stream().filter(r -> r.method().equals("GET")).map(r -> r.method() + " " + r.path()).toList();
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    /** One scale set that gives every instance a public IP: EG001 fails on it. */
    private static String scaleSet() {
        return """
                {"id": "/subscriptions/%1$s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/workers",
                 "name": "workers", "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope",
                 "properties": {"virtualMachineProfile": {"networkProfile": {"networkInterfaceConfigurations": [
                   {"name": "nic", "properties": {"primary": true, "ipConfigurations": [
                     {"name": "ip", "properties": {
                       "subnet": {"id": "/subscriptions/%1$s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes"},
                       "publicIPAddressConfiguration": {"name": "pip", "properties": {}}}}]}}]}}}}
                """.formatted(SUB);
    }
}
