package dev.egressguard.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** egress:map on small templates: the files it writes, the line it logs, and what fails it. */
class MapMojoTest {

    /** A scale set on a subnet whose NAT gateway has a public IP; a public IP of its own when asked. */
    private static String scaleSet(boolean ownPublicIp) {
        return """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-09-01", "name": "nat-ip",
                      "location": "westeurope", "sku": { "name": "Standard" }, "properties": { "publicIPAllocationMethod": "Static" } },
                    { "type": "Microsoft.Network/natGateways", "apiVersion": "2023-09-01", "name": "nat", "location": "westeurope",
                      "sku": { "name": "Standard" },
                      "properties": { "publicIpAddresses": [ { "id": "[resourceId('Microsoft.Network/publicIPAddresses', 'nat-ip')]" } ] } },
                    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "build-vnet", "location": "westeurope",
                      "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [
                        { "name": "agents", "properties": { "addressPrefix": "10.0.1.0/24", "defaultOutboundAccess": false,
                          "natGateway": { "id": "[resourceId('Microsoft.Network/natGateways', 'nat')]" } } } ] } },
                    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2023-09-01", "name": "agents",
                      "location": "westeurope", "sku": { "name": "Standard_D2s_v5", "capacity": 2 },
                      "properties": { "virtualMachineProfile": { "networkProfile": { "networkInterfaceConfigurations": [
                        { "name": "nic", "properties": { "primary": true, "ipConfigurations": [ { "name": "ip", "properties": {
                          "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'build-vnet', 'agents')]" }
                          %s } } ] } } ] } } } }
                  ]
                }
                """.formatted(ownPublicIp ? ", \"publicIPAddressConfiguration\": { \"name\": \"pip\", \"properties\": {} }" : "");
    }

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    /** The mojo as Maven configures it with the defaults of its annotations. */
    private MapMojo mojo() {
        MapMojo m = new MapMojo();
        m.setLog(log);
        m.basedir = basedir.toFile();
        m.templateDirectory = basedir.resolve("src/main/arm").toFile();
        m.includes = new ArrayList<>(List.of("**/*.json"));
        m.reportsDirectory = basedir.resolve("target/egress").toFile();
        m.formats = new ArrayList<>(List.of("console,json,sarif,junit,markdown"));
        m.mapFormats = new ArrayList<>(List.of("json,markdown,allowlist"));
        m.failOn = "error";
        m.builtInRules = true;
        return m;
    }

    private Path template(String name, String text) throws Exception {
        Path file = basedir.resolve("src/main/arm").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path reports() {
        return basedir.resolve("target/egress");
    }

    @Test
    void writesTheThreeFilesAndLogsOneSummaryLine() throws Exception {
        template("agents.json", scaleSet(false));

        mojo().execute();

        JsonNode map = new ObjectMapper().readTree(reports().resolve("egress-map.json").toFile());
        assertThat(map.at("/nodes/0/kind").asText()).isEqualTo("scaleSet");
        assertThat(map.at("/nodes/0/egress/path").asText()).isEqualTo("natGateway");
        assertThat(map.at("/nodes/0/file").asText()).isEqualTo("src/main/arm/agents.json");
        assertThat(reports().resolve("egress-map.md")).content().contains("| agents | scaleSet | natGateway | nat |",
                "```mermaid");
        assertThat(reports().resolve("egress-allowlist.txt")).content().contains("# vnet build-vnet\n",
                "# agents: natGateway via nat: address of nat-ip assigned at deployment (run egress map --live)");
        assertThat(log.lines).containsExactly(
                "[INFO] Egress Guard map: " + reports().resolve("egress-map.json"),
                "[INFO] Egress Guard map: " + reports().resolve("egress-map.md"),
                "[INFO] Egress Guard map: " + reports().resolve("egress-allowlist.txt"),
                "[INFO] Egress map: 1 node (1 natGateway); 1 egress IP, 1 not known yet");
        assertThat(reports().resolve("egress-report.json")).doesNotExist();
    }

    @Test
    void findingsNeverFailTheGoal() throws Exception {
        template("agents.json", scaleSet(true));
        MapMojo m = mojo();
        m.failOn = "warning";
        m.failOnUnknown = true;

        m.execute();

        assertThat(reports().resolve("egress-map.md")).content().contains("instancePublicIp");
        assertThat(log.text()).doesNotContain("EG001");
    }

    @Test
    void theConsoleFormatGoesToTheLogAndNoFileIsWrittenForIt() throws Exception {
        template("agents.json", scaleSet(false));
        MapMojo m = mojo();
        m.mapFormats = List.of("console");

        m.execute();

        assertThat(log.lines).contains("[INFO] vnet build-vnet", "[INFO] Egress map: 1 node (1 natGateway); 1 egress IP,"
                + " 1 not known yet");
        assertThat(reports()).doesNotExist();
    }

    @Test
    void anUnknownFormatStopsTheGoalBeforeAnyWork() throws Exception {
        template("agents.json", scaleSet(false));
        MapMojo m = mojo();
        m.mapFormats = List.of("json,sarif");

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("egress.map.formats: unknown egress map format 'sarif'; use one of console, json, markdown,"
                        + " allowlist");
        assertThat(reports()).doesNotExist();
    }

    @Test
    void aPreviousMapOfThisVersionGivesTheChanges() throws Exception {
        template("agents.json", scaleSet(false));
        mojo().execute();
        template("agents.json", scaleSet(true));
        MapMojo m = mojo();
        // The map this run rewrites: read first.
        m.previousMap = reports().resolve("egress-map.json").toFile();

        m.execute();

        assertThat(reports().resolve("egress-allowlist.txt")).content()
                .startsWith("# Egress Guard allowlist changes since target/egress/egress-map.json\n");
        assertThat(reports().resolve("egress-map.md")).content().contains("### Changes since target/egress/egress-map.json");
        assertThat(reports().resolve("egress-map.json")).content().contains("\"path\" : \"instancePublicIp\"");
    }

    @Test
    void anUnreadablePreviousMapFailsTheGoalAtItsLineAndColumn() throws Exception {
        template("agents.json", scaleSet(false));
        Files.writeString(basedir.resolve("old-map.json"), "{\n  \"schemaVersion\" : 2,\n  \"nodes\" : [ ]\n}\n");
        MapMojo m = mojo();
        m.previousMap = basedir.resolve("old-map.json").toFile();

        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard map: old-map.json:2:21: schemaVersion 2 is not understood by this version"
                        + " (it reads 1) (previousMap, egress.map.previous)");
        assertThat(reports()).doesNotExist();
    }

    @Test
    void aTemplateThatCannotBeReadFailsTheGoalAfterTheMapOfTheOthers() throws Exception {
        template("agents.json", scaleSet(false));
        template("broken.json", "{\n  \"resources\": [\n    { \"type\": \"x\" \"name\": \"y\" }\n  ]\n}\n");

        assertThatThrownBy(mojo()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Egress Guard map: 1 input could not be read (see the errors above); the map in target/egress"
                        + " shows the rest.");
        assertThat(log.lines).anySatisfy(l -> assertThat(l).startsWith("[ERROR] src/main/arm/broken.json:3:"));
        assertThat(reports().resolve("egress-map.json")).content().contains("\"name\" : \"agents\"");
    }

    @Test
    void noNodesIsAWarning() throws Exception {
        template("ip.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0", "resources": []}
                """);

        mojo().execute();

        assertThat(log.lines).contains("[WARNING] Egress map: no nodes found in 1 template (a node is a VM's or scale"
                + " set's network interface, an AKS node pool, or service compute on a subnet); the map is empty");
        assertThat(reports().resolve("egress-map.json")).exists();
    }

    @Test
    void aBrokenSuppressionFileDoesNotFailTheMap() throws Exception {
        template("agents.json", scaleSet(false));
        Files.writeString(basedir.resolve("egress-suppressions.yaml"), "suppressions: [ {\n");

        mojo().execute();

        assertThat(reports().resolve("egress-map.json")).exists();
    }

    @Test
    void egressViaHubReachesTheModel() throws Exception {
        template("agents.json", scaleSet(false));
        MapMojo m = mojo();
        m.options = Map.of("egressViaHub", "true");

        m.execute();

        assertThat(log.lines).contains("[INFO] Egress map: 1 node (1 firewall); 0 egress IPs");
    }

    @Test
    void withoutTemplatesNothingIsWritten() throws Exception {
        mojo().execute();

        assertThat(log.lines).singleElement().asString().startsWith("[INFO] No ARM templates in ");
        assertThat(reports()).doesNotExist();
    }

    @Test
    void skipReadsNothingAndWritesNothing() throws Exception {
        template("agents.json", scaleSet(false));
        MapMojo m = mojo();
        m.skip = true;

        m.execute();

        assertThat(log.lines).containsExactly("[INFO] Egress Guard is skipped (egress.skip).");
        assertThat(reports()).doesNotExist();
    }
}
