package dev.egressguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * egress verify on small templates (test resources): a VM behind a NAT gateway, the same VM with
 * a public IP of its own (EG001), and a template with a missing comma.
 */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private Path template(String resource, String as) throws Exception {
        Path target = dir.resolve("infra").resolve(as);
        Files.createDirectories(target.getParent());
        try (InputStream in = VerifyCommandTest.class.getResourceAsStream("/templates/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private Run verify(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "verify";
        all[1] = "--base-dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Run.egress(all);
    }

    @Test
    void sarifUrisAreRelativeToTheRepositoryRootOfTheCurrentDirectory() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path root = dev.egressguard.core.report.RepositoryRoot.find(here).orElse(here);
        String template = "src/test/resources/templates/public-ip-vm.json";

        Run run = Run.egress("verify", "--format", "sarif", "--fail-on", "never", template);

        JsonNode sarif = new ObjectMapper().readTree(run.out()).at("/runs/0");
        assertThat(sarif.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(root.toUri().toString());
        JsonNode artifact = sarif.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(artifact.get("uri").asText())
                .isEqualTo(root.relativize(here.resolve(template)).toString().replace('\\', '/'));
        assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }

    @Test
    void withBaseDirSarifUrisAreRelativeToIt() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = verify("--format", "sarif", "--fail-on", "never", dir.resolve("infra").toString());

        JsonNode sarif = new ObjectMapper().readTree(run.out()).at("/runs/0");
        assertThat(sarif.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(dir.toUri().toString());
        assertThat(sarif.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("infra/main.json");
    }

    @Test
    void aCompliantTemplateExits0() throws Exception {
        template("nat-vm.json", "main.json");

        Run run = verify(dir.resolve("infra").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Egress Guard: 0 failed").contains("1 file");
    }

    @Test
    void aFindingExits1WithItsFileLineAndColumn() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = verify(dir.resolve("infra").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("infra/main\\.json:\\d+:\\d+: error EG001 network interface 'web-nic' gives its VM a public IP");
        assertThat(run.err()).contains("Egress Guard fails the build")
                .contains("--fail-on and --fail-on-unknown set the threshold").doesNotContain("failOn");
    }

    @Test
    void aTemplateThatCannotBeReadExits2AndTheOthersAreStillChecked() throws Exception {
        template("public-ip-vm.json", "main.json");
        template("broken.json", "broken.json");

        Run run = verify(dir.resolve("infra").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).containsPattern("infra/broken\\.json:9:\\d+: error: ")
                .containsPattern("infra/main\\.json:\\d+:\\d+: error EG001");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void failOnNeverExits0() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = verify("--fail-on", "never", dir.resolve("infra").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("error EG001");
    }

    @Test
    void aSeverityOverrideBelowFailOnExits0() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = verify("--severity", "EG001=warning", dir.resolve("infra").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning EG001");
    }

    @Test
    void aDisabledRuleDoesNotRun() throws Exception {
        template("public-ip-vm.json", "main.json");

        Run run = verify("--disable", "EG001", dir.resolve("infra").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("EG001");
    }

    @Test
    void jsonToAFileCarriesTheFindings() throws Exception {
        template("public-ip-vm.json", "main.json");
        Path report = dir.resolve("out/report.json");

        Run run = verify("--format", "json", "--output", report.toString(), dir.resolve("infra").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("findings").get(0).get("ruleId").asText()).isEqualTo("EG001");
        assertThat(json.get("findings").get(0).get("file").asText()).isEqualTo("infra/main.json");
        assertThat(json.get("inputs").get(0).asText()).isEqualTo("infra/main.json");
    }

    @Test
    void aSuppressionWithJustificationTakesTheFindingOut() throws Exception {
        template("public-ip-vm.json", "main.json");
        Path suppressions = dir.resolve("egress-suppressions.yaml");
        Files.writeString(suppressions, """
                suppressions:
                  - rule: EG001
                    resource: web-nic
                    justification: Jump host until Bastion is rolled out (NET-9)
                """);

        Run run = verify("--suppressions", suppressions.toString(), dir.resolve("infra").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("1 suppressed");
    }

    @Test
    void aBaselinedFindingNoLongerFails() throws Exception {
        template("public-ip-vm.json", "main.json");
        Path report = dir.resolve("report.json");
        verify("--format", "json", "--output", report.toString(), dir.resolve("infra").toString());
        JsonNode finding = new ObjectMapper().readTree(report.toFile()).get("findings").get(0);
        Path baseline = dir.resolve("egress-baseline.json");
        Files.writeString(baseline, """
                {"egressGuardBaseline": 1, "findings": [{"ruleId": "%s", "resourceId": "%s", "path": "%s"}]}
                """.formatted(finding.get("ruleId").asText(), finding.get("resourceId").asText(),
                finding.get("path").asText()));

        Run run = verify("--baseline", baseline.toString(), dir.resolve("infra").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1 suppressed");
    }

    @Test
    void anExplicitParameterFileDecidesTheVerdict() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("nic.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {"nicName": {"type": "string", "defaultValue": "jump-nic"}},
                  "resources": [{
                    "type": "Microsoft.Network/networkInterfaces",
                    "apiVersion": "2023-09-01",
                    "name": "[parameters('nicName')]",
                    "location": "westeurope",
                    "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {
                      "publicIPAddress": {"id": "[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]"}}}]}
                  }]
                }
                """);
        Path params = Files.createDirectories(dir.resolve("env")).resolve("prod.json");
        Files.writeString(params, """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {"nicName": {"value": "prod-jump-nic"}}
                }
                """);

        Run run = verify("--fail-on", "never", "--parameters", infra.resolve("nic.json") + "=" + params,
                infra.toString());

        assertThat(run.out()).contains("error EG001 network interface 'prod-jump-nic'").doesNotContain("'jump-nic'");
    }

    private static final String REQUIRED_NAME_NIC = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {"subnetId": {"type": "string"}},
              "resources": [{
                "type": "Microsoft.Network/networkInterfaces",
                "apiVersion": "2023-09-01",
                "name": "app-nic",
                "location": "westeurope",
                "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {
                  "subnet": {"id": "[parameters('subnetId')]"}}}]}
              }]
            }
            """;

    private static final String SUBNET_PARAMETERS = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {"subnetId": {"value": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"}}
            }
            """;

    @Test
    void aParameterFileThatPairsWithNoTemplateIsNamed_andTheSummaryCountsTheParametersWithoutValue() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("azuredeploy.json"), REQUIRED_NAME_NIC);
        Files.writeString(infra.resolve("azuredeploy.params.json"), SUBNET_PARAMETERS);

        Run run = verify(infra.toString());

        assertThat(run.out()).contains("infra/azuredeploy.params.json: warning: parameter file pairs with no template,"
                        + " so its values are not used: name it azuredeploy.parameters.json to go with azuredeploy.json")
                .contains("infra/azuredeploy.json:4:18: info: required parameter 'subnetId' has no value")
                .containsPattern("Egress Guard: .*; 1 required parameter without a value, 1 input warning");
    }

    @Test
    void anExplicitPairThatMatchesNoInputIsAnError() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("azuredeploy.json"), REQUIRED_NAME_NIC);
        Files.writeString(infra.resolve("azuredeploy.params.json"), SUBNET_PARAMETERS);

        Run run = verify("--parameters", infra.resolve("azuredepoly.json") + "=" + infra.resolve("azuredeploy.params.json"),
                infra.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("infra/azuredepoly.json: error: parameter file infra/azuredeploy.params.json is"
                + " paired with this template, which is not among the templates checked");
    }

    @Test
    void aCorrectlyNamedParameterFileIsUsedWithoutAWord() throws Exception {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(infra.resolve("azuredeploy.json"), REQUIRED_NAME_NIC);
        Files.writeString(infra.resolve("azuredeploy.parameters.json"), SUBNET_PARAMETERS);

        Run run = verify(infra.toString());

        assertThat(run.out()).doesNotContain(": warning:").doesNotContain("required parameter");
    }

    @Test
    void aFolderWithoutATemplateIsAWarning_aPathThatDoesNotExistAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("infra"));
        Files.writeString(empty.resolve("package.json"), "{\"name\": \"tooling\"}");

        Run none = verify(empty.toString());
        Run missing = verify(dir.resolve("infar").toString());

        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("infra: warning: no ARM template in this directory (1 file matched the includes,"
                + " none with a deploymentTemplate $schema): nothing here is checked").contains("in 0 files")
                .contains("1 input warning");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).contains("infar: error: no such file or directory");
    }
}
