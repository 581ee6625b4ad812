package dev.egressguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * egress verify on a template that links another: through {@code _artifactsLocation}, or by a URI
 * that --link-location maps to a project directory. The linked template is checked through its
 * parent, its findings at its own file:line.
 */
class LinkedTemplatesCommandTest {

    private static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    @TempDir
    Path dir;

    private static String parent(String uri) {
        return """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "parameters": {
                    "_artifactsLocation": { "type": "string", "defaultValue": "[deployment().properties.templateLink.uri]" },
                    "_artifactsLocationSasToken": { "type": "securestring", "defaultValue": "" }
                  },
                  "resources": [
                    {
                      "type": "Microsoft.Resources/deployments",
                      "apiVersion": "2022-09-01",
                      "name": "web",
                      "properties": {
                        "mode": "Incremental",
                        "templateLink": { "uri": "%s" },
                        "parameters": { "nicName": { "value": "web-nic" } }
                      }
                    }
                  ]
                }
                """.formatted(SCHEMA, uri);
    }

    /** A NIC with a public IP (EG001), named by a parameter without default. */
    private static final String CHILD = """
            {
              "$schema": "%s",
              "contentVersion": "1.0.0.0",
              "parameters": { "nicName": { "type": "string" } },
              "resources": [
                {
                  "type": "Microsoft.Network/networkInterfaces",
                  "apiVersion": "2023-09-01",
                  "name": "[parameters('nicName')]",
                  "location": "westeurope",
                  "properties": {
                    "ipConfigurations": [
                      {
                        "name": "ipconfig1",
                        "properties": {
                          "publicIPAddress": { "id": "[resourceId('Microsoft.Network/publicIPAddresses', 'web-pip')]" }
                        }
                      }
                    ]
                  }
                }
              ]
            }
            """.formatted(SCHEMA);

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
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
    void aLinkedChildFailsEG001AtItsOwnFileAndLine_checkedOnceThroughItsParent() throws Exception {
        write("infra/main.json", parent("[uri(parameters('_artifactsLocation'), concat('nested/web.json', "
                + "parameters('_artifactsLocationSasToken')))]"));
        write("infra/nested/web.json", CHILD);

        Run run = verify(dir.resolve("infra").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("infra/nested/web\\.json:16:\\d+: error EG001 network interface 'web-nic' gives its VM a public IP")
                .contains("infra/nested/web.json is checked as linked by infra/main.json:9:5")
                .doesNotContain("unknown-name")
                .doesNotContain("egress-guard-local");
    }

    @Test
    void linkLocationMapsARepositoryUrlToADirectory() throws Exception {
        write("infra/main.json", parent("https://raw.githubusercontent.com/org/repo/main/infra/nested/web.json?sv=1&sig=x"));
        write("infra/nested/web.json", CHILD);

        Run without = verify(dir.resolve("infra").toString());
        Run with = verify("--link-location", "https://raw.githubusercontent.com/org/repo/main/=" + dir,
                dir.resolve("infra").toString());

        assertThat(without.out()).contains("linked template https://raw.githubusercontent.com/org/repo/main/infra/nested/"
                + "web.json is not fetched").doesNotContain("sig=x");
        assertThat(with.exitCode()).as(with.out() + with.err()).isEqualTo(1);
        assertThat(with.out()).containsPattern("infra/nested/web\\.json:16:\\d+: error EG001");
    }

    @Test
    void aLinkLocationOutsideTheProjectOrWithoutADirectory_isAUsageError() throws Exception {
        write("infra/main.json", parent("https://example.com/t/web.json"));
        Path outside = Files.createTempDirectory("egress-outside");
        try {
            Run outsideRun = verify("--link-location", "https://example.com/t/=" + outside, dir.resolve("infra").toString());
            Run malformed = verify("--link-location", "https://example.com/t/", dir.resolve("infra").toString());

            assertThat(outsideRun.exitCode()).isEqualTo(2);
            assertThat(outsideRun.err()).contains("egress: linked template location https://example.com/t/: the directory "
                    + outside.toRealPath()).contains("is outside the project root");
            assertThat(malformed.exitCode()).isEqualTo(2);
            assertThat(malformed.err()).contains("egress: --link-location: 'https://example.com/t/' is not PREFIX=DIR");
        } finally {
            Files.delete(outside);
        }
    }
}
