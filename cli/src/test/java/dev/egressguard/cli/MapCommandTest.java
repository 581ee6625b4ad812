package dev.egressguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress map PATH...} on small templates: every flag, every output rule and every error path.
 * The live map is {@link MapLiveTest}'s.
 */
class MapCommandTest {

    /** A NIC whose subnet a parameter chooses: 'natted' has a NAT gateway, 'plain' (the default) nothing. */
    private static final String CHOSEN_SUBNET = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "subnetName": { "type": "string", "defaultValue": "plain" } },
              "resources": [
                { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-09-01", "name": "nat-ip",
                  "location": "westeurope", "sku": { "name": "Standard" },
                  "properties": { "publicIPAllocationMethod": "Static" } },
                { "type": "Microsoft.Network/natGateways", "apiVersion": "2023-09-01", "name": "nat",
                  "location": "westeurope", "sku": { "name": "Standard" },
                  "properties": { "publicIpAddresses": [ { "id": "[resourceId('Microsoft.Network/publicIPAddresses', 'nat-ip')]" } ] } },
                { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "spoke-vnet",
                  "location": "westeurope",
                  "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [
                    { "name": "natted", "properties": { "addressPrefix": "10.0.1.0/24", "defaultOutboundAccess": false,
                      "natGateway": { "id": "[resourceId('Microsoft.Network/natGateways', 'nat')]" } } },
                    { "name": "plain", "properties": { "addressPrefix": "10.0.2.0/24", "defaultOutboundAccess": false } } ] } },
                { "type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-09-01", "name": "app-nic",
                  "location": "westeurope",
                  "properties": { "ipConfigurations": [ { "name": "ipconfig1", "properties": {
                    "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke-vnet', parameters('subnetName'))]" } } } ] } }
              ]
            }
            """;

    private static final String NO_NODES = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-09-01", "name": "spare-ip",
                  "location": "westeurope", "sku": { "name": "Standard" },
                  "properties": { "publicIPAllocationMethod": "Static" } }
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path template(String resource, String as) throws Exception {
        Path target = dir.resolve("infra").resolve(as);
        Files.createDirectories(target.getParent());
        try (InputStream in = MapCommandTest.class.getResourceAsStream("/templates/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private Path write(String as, String text) throws Exception {
        Path target = dir.resolve(as);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
        return target;
    }

    /** {@code egress map --base-dir <dir> ARGS... <dir>/infra}. */
    private Run map(String... args) {
        List<String> all = new ArrayList<>(List.of("map", "--base-dir", dir.toString()));
        all.addAll(List.of(args));
        all.add(dir.resolve("infra").toString());
        return Run.egress(all.toArray(String[]::new));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** "kind name path" of every node of a JSON map. */
    private static List<String> nodes(JsonNode map) {
        List<String> out = new ArrayList<>();
        map.get("nodes").forEach(n -> out.add(n.get("kind").asText() + " " + n.get("name").asText() + " "
                + n.at("/egress/path").asText()));
        return out;
    }

    // --- what it prints

    @Test
    void theConsoleIsTheDefaultAndFindingsDoNotChangeTheExitCode() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = map();

        assertThat(run.exitCode()).as(run.err()).isZero();
        // verify fails this VM (EG001: a public IP of its own, which its NAT gateway bypasses); the map is made.
        assertThat(run.out()).contains("vnet app-vnet", "NODE", "instancePublicIp via web-pip")
                .contains("Egress map: 1 node (1 natGateway); 1 egress IP, 1 not known yet");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonGoesToStandardOutputWithFilesRelativeToTheBaseDirectory() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode map = json(run.out());
        assertThat(map.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(nodes(map)).singleElement().asString().endsWith(" natGateway");
        assertThat(map.at("/nodes/0/file").asText()).isEqualTo("infra/main.json");
        assertThat(map.at("/nodes/0/egress/publicIps/0/address").isNull()).isTrue();
        assertThat(map.at("/summary/unknownAddresses").asInt()).isEqualTo(1);
    }

    @Test
    void markdownHasTheTablesAndTheMermaidDiagram() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("-f", "markdown");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("## Egress map\n").contains("| Node | Kind | Path | Via | Egress IPs | Bypassed |",
                "```mermaid\nflowchart LR\n", "NAT gateway natgw");
    }

    @Test
    void theAllowlistOfATemplateHasNoMadeUpAddress() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "allowlist");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).allSatisfy(l -> assertThat(l).startsWith("#"))
                .contains("# vnet app-vnet")
                .anySatisfy(l -> assertThat(l).contains("natGateway via natgw: address").contains("assigned at deployment"));
    }

    @Test
    void noPerGroupListsTheAllowlistOnceAndNamesTheGroupInEachComment() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "allowlist", "--no-per-group");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("# vnet app-vnet\n").contains("(vnet app-vnet): natGateway via natgw");
        assertThat(map("--format", "allowlist", "--per-group").out()).contains("# vnet app-vnet\n");
    }

    @Test
    void colorAlwaysColoursTheConsoleAndNeverDoesNot() throws Exception {
        template("nat-vm.json", "main.json");

        assertThat(map("--color", "always").out()).contains("\u001b[");
        assertThat(map("--color", "never").out()).doesNotContain("\u001b[");
        Run wrong = map("--color", "sometimes");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--color: 'sometimes' is not one of auto, always, never");
    }

    // --- where it writes

    @Test
    void severalFormatsGoToADirectoryUnderTheirConventionalNames() throws Exception {
        template("nat-vm.json", "main.json");
        Path out = dir.resolve("build/egress");

        Run run = map("--format", "json,markdown,allowlist,console", "--output", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("egress-map.json")).isRegularFile();
        assertThat(out.resolve("egress-map.md")).content().contains("```mermaid");
        assertThat(out.resolve("egress-allowlist.txt")).content().startsWith("# Egress Guard allowlist");
        assertThat(run.out()).contains("Egress map: 1 node (1 natGateway)");
        assertThat(run.err().lines()).containsExactly("egress: wrote " + out.resolve("egress-map.json"),
                "egress: wrote " + out.resolve("egress-map.md"), "egress: wrote " + out.resolve("egress-allowlist.txt"));
    }

    @Test
    void oneFileFormatGoesToTheFileNamed() throws Exception {
        template("nat-vm.json", "main.json");
        Path file = dir.resolve("docs/egress.md");

        Run run = map("--format", "markdown", "--output", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(file).content().startsWith("## Egress map");
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("egress: wrote " + file + System.lineSeparator());
    }

    @Test
    void aNameWithoutAnExtensionIsADirectory() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "json", "--output", dir.resolve("maps").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("maps/egress-map.json")).isRegularFile();
    }

    @Test
    void severalFormatsWithoutOutputAreAUsageError() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "json,markdown");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("several formats (json, markdown) need --output DIR for the map files");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void outputWithTheConsoleAloneIsAUsageError() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--output", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output: no file format asked for; add --format json, markdown or allowlist");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheFormats() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "json,sarif");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format: unknown egress map format 'sarif'; use one of console, json, markdown,"
                + " allowlist");
    }

    @Test
    void anOutputThroughALinkOutOfTheProjectIsRefusedInOneLine() throws Exception {
        template("nat-vm.json", "main.json");
        Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-outside"));
        Files.createSymbolicLink(dir.resolve("build"), outside);

        Run run = map("--format", "json", "--output", dir.resolve("build/egress").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("egress: cannot write the map: ").contains("symbolic link").doesNotContain("\tat ");
        assertThat(outside.resolve("egress")).doesNotExist();
    }

    // --- --previous

    @Test
    void aMapWrittenByThisVersionReadsBackWithNoChanges() throws Exception {
        template("nat-vm.json", "main.json");
        assertThat(map("--format", "json", "--output", dir.resolve("out/egress-map.json").toString()).exitCode()).isZero();
        String previous = dir.resolve("out/egress-map.json").toString();

        Run console = map("--previous", previous);
        Run markdown = map("--previous", previous, "--format", "markdown");
        Run allowlist = map("--previous", previous, "--format", "allowlist");
        Run json = map("--previous", previous, "--format", "json");

        assertThat(console.exitCode()).as(console.err()).isZero();
        assertThat(console.out()).contains("No changes since out/egress-map.json.");
        assertThat(markdown.out()).contains("### Changes since out/egress-map.json", "No changes.");
        assertThat(allowlist.out().lines()).allSatisfy(l -> assertThat(l).startsWith("#"))
                .first().asString().isEqualTo("# Egress Guard allowlist changes since out/egress-map.json");
        // The JSON stays the whole map, so it can be the next run's previous map.
        assertThat(json.out()).isEqualTo(Files.readString(dir.resolve("out/egress-map.json")));
    }

    @Test
    void aChangedPathIsShownAgainstThePreviousMap() throws Exception {
        Path main = write("infra/main.json", CHOSEN_SUBNET);
        write("infra/main.parameters.json", "{\"parameters\": {\"subnetName\": {\"value\": \"natted\"}}}");
        assertThat(map("--format", "json", "--output", dir.resolve("before").toString()).exitCode()).isZero();
        Files.delete(dir.resolve("infra/main.parameters.json"));

        Run run = map("--previous", dir.resolve("before/egress-map.json").toString(), "--format", "allowlist");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("# will change: app-nic: natGateway via nat -> none");
        assertThat(main).exists();
    }

    @Test
    void anUnreadablePreviousMapIsExitCode2AtItsLineAndColumnBeforeAnythingIsRead() throws Exception {
        template("nat-vm.json", "main.json");
        write("old.json", "{\n  \"schemaVersion\" : 2,\n  \"nodes\" : [ ]\n}\n");

        Run run = map("--previous", dir.resolve("old.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("egress: old.json:2:21: schemaVersion 2 is not understood by this version (it reads 1)"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPreviousMapThatIsNotJsonOrNotThereIsExitCode2() throws Exception {
        template("nat-vm.json", "main.json");
        write("old.json", "{\"schemaVersion\": 1, \"nodes\": [}\n");

        Run broken = map("--previous", dir.resolve("old.json").toString());
        Run missing = map("--previous", dir.resolve("missing.json").toString());

        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).startsWith("egress: old.json:1:").contains("not valid JSON").doesNotContain("Exception");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("egress: missing.json: previous egress map not read: ");
    }

    // --- inputs

    @Test
    void noNodesSaysSoInOneLineAndExits0() throws Exception {
        write("infra/storage.json", NO_NODES);

        Run run = map("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run.out()).get("nodes")).isEmpty();
        assertThat(run.err().lines()).containsExactly("egress: no nodes found in 1 template: infra/storage.json; the map"
                + " is empty (a node is a VM's or scale set's network interface, an AKS node pool, or service compute on"
                + " a subnet)");
    }

    @Test
    void aDirectoryWithoutTemplatesWarnsAndSaysNoTemplateWasRead() throws Exception {
        Files.createDirectories(dir.resolve("infra"));

        Run run = map();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("infra: warning: no ARM template in this directory")
                .contains("egress: no nodes found: no template was read; the map is empty");
    }

    @Test
    void aTemplateThatCannotBeReadIsReportedTheRestIsMappedAndTheExitCodeIs2() throws Exception {
        template("nat-vm.json", "main.json");
        template("broken.json", "broken.json");

        Run run = map("--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(nodes(json(run.out()))).singleElement().asString().endsWith(" natGateway");
        List<String> err = run.err().lines().toList();
        assertThat(err).first().asString().matches("infra/broken\\.json:9:\\d+: error: .*");
        assertThat(err).last().asString().isEqualTo("egress: 1 input could not be read (see above); the map shows the rest");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPathThatDoesNotExistIsExitCode2() {
        Run run = Run.egress("map", "--base-dir", dir.toString(), dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere").contains("egress: 1 input could not be read");
    }

    @Test
    void parametersIncludesAndExcludesChooseWhatIsMapped() throws Exception {
        write("infra/main.json", CHOSEN_SUBNET);
        write("env/prod.json", "{\"parameters\": {\"subnetName\": {\"value\": \"natted\"}}}");
        template("public-ip-vm.json", "legacy/vm.json");

        Run all = map("--format", "json");
        Run paired = map("--format", "json", "--parameters", dir.resolve("infra/main.json") + "=" + dir.resolve("env/prod.json"),
                "--exclude", "legacy/**");
        Run included = map("--format", "json", "--include", "legacy/*.json");

        assertThat(nodes(json(all.out()))).containsExactlyInAnyOrder("networkInterface app-nic none",
                "virtualMachine web natGateway");
        assertThat(nodes(json(paired.out()))).containsExactly("networkInterface app-nic natGateway");
        assertThat(nodes(json(included.out()))).containsExactly("virtualMachine web natGateway");
    }

    @Test
    void egressViaHubReachesTheModel() throws Exception {
        write("infra/main.json", CHOSEN_SUBNET);

        Run run = map("--format", "json", "--option", "egressViaHub=spoke-vnet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode map = json(run.out());
        assertThat(nodes(map)).containsExactly("networkInterface app-nic firewall");
        assertThat(map.at("/nodes/0/egress/reason").asText()).contains("egressViaHub");
    }

    @Test
    void theDeploymentContextNamesTheNodes() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--format", "json", "--subscription-id", "99999999-9999-9999-9999-999999999999",
                "--resource-group", "prod-rg", "--location", "northeurope", "--tenant-id", "tenant-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run.out()).at("/nodes/0/id").asText())
                .startsWith("/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/prod-rg/");
    }

    @Test
    void aLinkLocationOutsideTheProjectIsExitCode2() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = map("--link-location", "https://example.org/=" + dir.getParent());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("egress: linked template location https://example.org/: the directory ")
                .contains("is outside the project root");
    }

    // --- templates or live, not both

    @Test
    void withoutPathsOrLiveItSaysWhatToGive() {
        Run run = Run.egress("map");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give the templates to map (PATH...), or --live to map live subscriptions");
    }

    @Test
    void liveTakesNoPathAndNoTemplateFlag() {
        Run withPath = Run.egress("map", "--live", "infra");
        Run withParameters = Run.egress("map", "--live", "--parameters", "a.json=b.json");
        Run withContext = Run.egress("map", "--live", "--resource-group", "rg");

        assertThat(withPath.exitCode()).isEqualTo(2);
        assertThat(withPath.err()).contains("--live maps live subscriptions and takes no PATH; leave out --live to map the"
                + " templates in infra");
        assertThat(withParameters.exitCode()).isEqualTo(2);
        assertThat(withParameters.err()).contains("--parameters is for templates and does nothing with --live");
        assertThat(withContext.err()).contains("--resource-group is for templates and does nothing with --live");
    }

    @Test
    void aLiveScopeFlagWithoutLiveIsAUsageError() {
        Run run = Run.egress("map", "infra", "--subscriptions", "11111111-1111-1111-1111-111111111111");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--subscriptions is for a live scope: add --live to map live subscriptions");
    }

    @Test
    void liveChecksTheScopeFlagsBeforeSigningIn() {
        Run mode = Run.egress("map", "--live", "--mode", "scan");
        Run both = Run.egress("map", "--live", "--subscriptions", "1111", "--management-group", "platform");

        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode: 'scan' is not one of list, resource-graph");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give subscriptions or a management group, not both");
    }

    @Test
    void helpShowsBothFormsAndEveryFlag() {
        Run run = Run.egress("help", "map");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("egress map PATH...", "egress map --live", "--format", "--output", "--previous",
                "--[no-]per-group", "--color", "--include", "--exclude", "--parameters", "--link-location",
                "--subscription-id", "--resource-group", "--location", "--tenant-id", "--option", "--base-dir",
                "--subscriptions", "--management-group", "--mode", "--cloud", "--arm-endpoint", "--authority-host",
                "Exit codes: 0 the map was made");
        assertThat(Run.egress("--help").out()).contains("map ");
    }
}
