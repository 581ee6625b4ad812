package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Member and element reads that Azure never evaluates, or that only a deployment can answer. */
class LazyAccessTest {

    @TempDir
    Path dir;

    private final String template = """
            {
              "$schema": "%s", "languageVersion": "2.0", "contentVersion": "1.0.0.0",
              "parameters": { "ext": { "type": "object", "defaultValue": {} } },
              "resources": {
                "fw": {
                  "type": "Microsoft.Network/azureFirewalls", "apiVersion": "2023-04-01", "name": "fw",
                  "properties": { "ipConfigurations": null }
                },
                "ext": {
                  "condition": "[and(contains(parameters('ext'), 'enabled'), parameters('ext').enabled)]",
                  "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "ext",
                  "properties": { "settings": "[parameters('ext').settings]" }
                },
                "reader": {
                  "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "reader",
                  "properties": {
                    "firstIp": "[if(contains(reference('fw'), 'ipConfigurations'), reference('fw').ipConfigurations[0], '')]",
                    "settings": "[if(contains(parameters('ext'), 'settings'), parameters('ext').settings, 'none')]",
                    "broken": "%s"
                  }
                }
              }
            }
            """;

    @Test
    void aConditionThatShortCircuits_removesTheResourceWithoutEvaluatingIt() {
        EvaluatedTemplate t = Inline.evaluate(dir, template.formatted(Inline.SCHEMA, "fine"));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.resources()).noneMatch(r -> r.name().equals("ext"));
        assertThat(at(resource(t, "Microsoft.Network/routeTables", "reader"), "properties.settings"))
                .isEqualTo(Value.of("none"));
    }

    @Test
    void anElementOfAPropertyDeclaredNull_readThroughReference_isOnlyKnownAtDeployment() {
        EvaluatedTemplate t = Inline.evaluate(dir, template.formatted(Inline.SCHEMA, "fine"));

        assertThat(at(resource(t, "Microsoft.Network/routeTables", "reader"), "properties.firstIp"))
                .isInstanceOf(Value.Unknown.class);
    }

    @Test
    void anElementOfNullNotReadThroughReference_isStillAnError() {
        EvaluatedTemplate t = Inline.evaluate(dir, template.formatted(Inline.SCHEMA, "[json('null')[0]]"));

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).singleElement().asString()
                .endsWith("error: invalid expression: Can't index Null null with Int 0");
    }
}
