package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageVersion2Test {

    private final EvaluatedTemplate t = evaluate("lv2/main.json");

    @Test
    void symbolicResourcesAreDeployed_existingOnesAreNot() {
        assertThat(t.diagnostics()).isEmpty();
        assertThat(Fixtures.ids(t)).containsExactly(
                RG_ID + "/providers/Microsoft.Network/publicIPAddresses/nat-pip-0",
                RG_ID + "/providers/Microsoft.Network/publicIPAddresses/nat-pip-1",
                RG_ID + "/providers/Microsoft.Network/natGateways/nat",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/spoke",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/spoke/subnets/nodes");
    }

    @Test
    void referenceBySymbolicName_alsoOfOneCopy() {
        assertThat(at(resource(t, "Microsoft.Network/natGateways", "nat"), "properties.idleTimeoutInMinutes"))
                .isEqualTo(Value.of("Static"));
    }

    @Test
    void anExistingResourceIsResolvableButItsPropertiesAreUnknown() {
        Resource subnet = resource(t, "Microsoft.Network/virtualNetworks/subnets", "nodes");

        assertThat(at(subnet, "properties.remoteAddress")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("reference('hub'): an existing resource; its properties are only known at deployment"));
        assertThat(at(subnet, "properties.addressPrefix")).as("a parameter of a user-defined type")
                .isEqualTo(Value.of("10.0.1.0/24"));
    }

    @Test
    void aParameterOfAnUndefinedTypeIsAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("main.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "languageVersion": "2.0",
                  "contentVersion": "1.0.0.0",
                  "definitions": { "a": { "$ref": "#/definitions/missing" } },
                  "parameters": { "p": { "$ref": "#/definitions/nowhere", "defaultValue": 1 } },
                  "resources": {}
                }
                """);

        EvaluatedTemplate r = TemplateEvaluator.evaluate(file, Optional.empty(), DeploymentContext.DEFAULT, dir);

        assertThat(r.diagnostics()).extracting(Object::toString).containsExactlyInAnyOrder(
                "main.json:5:20: error: type definition 'a' refers to #/definitions/missing, which the template does not define",
                "main.json:6:19: error: parameter 'p' refers to type #/definitions/nowhere, which the template does not define");
    }
}
