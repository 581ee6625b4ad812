package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ParameterTest {

    private final EvaluatedTemplate withFile = evaluate("parameters/main.json", "parameters/main.parameters.json");
    private final EvaluatedTemplate withDefaults = evaluate("parameters/main.json");

    @Test
    void aValueOutsideAllowedValuesOrRangeIsAnErrorAtTheParameterFile() {
        assertThat(Fixtures.messages(withFile, Diagnostic.Level.ERROR)).containsExactlyInAnyOrder(
                "parameters/main.parameters.json:5:5: error: parameter 'sku': value 'Premium' is not one of the allowed "
                        + "values ['Basic', 'Standard']",
                "parameters/main.parameters.json:12:5: error: parameter 'nodeCount': value 20 is greater than maxValue 10",
                "parameters/main.parameters.json:13:5: error: parameter 'notDeclared' is supplied but the template does not "
                        + "declare it");
    }

    @Test
    void aKeyVaultReferenceIsUnknown() {
        Resource pip = resource(withFile, "Microsoft.Network/publicIPAddresses", "pip");

        assertThat(at(pip, "tags.password")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("parameter 'adminPassword' is a Key Vault secret (secret 'admin-password'), read only at deployment"));
    }

    @Test
    void aRequiredParameterWithoutValueLeavesTheNameUnknown_theResourceIsStillChecked() {
        Resource aks = withDefaults.resources().stream().filter(r -> r.isType("Microsoft.ContainerService/managedClusters"))
                .findFirst().orElseThrow();

        assertThat(aks.name()).isEqualTo("[parameters('clusterName')]");
        assertThat(aks.body().get("name")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("parameter 'clusterName' has no value and no default"));
        assertThat(((Value.Unknown) aks.body().get("name")).symbol().render()).isEqualTo("[parameters('clusterName')]");
        assertThat(withDefaults.requiredWithoutValue()).containsExactly("clusterName");
        assertThat(Fixtures.messages(withDefaults, Diagnostic.Level.INFO)).containsExactly("parameters/main.json:7:5: info:"
                + " required parameter 'clusterName' has no value (no parameter file goes with the template): what is"
                + " built from it is UNKNOWN", "parameters/main.json:20:5: info: "
                + "the name of this Microsoft.ContainerService/managedClusters is only known at deployment (parameter "
                + "'clusterName' has no value and no default); it is checked as '[parameters('clusterName')]'");
    }

    @Test
    void utcNowIsAllowedInAParameterDefault_andIsUnknown() {
        assertThat(at(resource(withDefaults, "Microsoft.Network/publicIPAddresses", "pip"), "tags.at"))
                .isInstanceOf(Value.Unknown.class);
        assertThat(Fixtures.messages(withDefaults, Diagnostic.Level.ERROR)).isEmpty();
    }

    @Test
    void defaultsAreUsedWithoutAParameterFile() {
        Resource aks = withDefaults.resources().stream().filter(r -> r.isType("Microsoft.ContainerService/managedClusters"))
                .findFirst().orElseThrow();

        assertThat(at(aks, "properties.agentPoolProfiles.0.count")).isEqualTo(Value.of(2));
        assertThat(at(resource(withDefaults, "Microsoft.Network/publicIPAddresses", "pip"), "sku.name"))
                .isEqualTo(Value.of("Standard"));
    }

    @Test
    void aValueOfTheWrongTypeIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path params = java.nio.file.Files.writeString(dir.resolve("main.parameters.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                  "parameters": { "count": { "value": "three" }, "secret": { "value": 42 } }
                }
                """);
        java.nio.file.Path template = java.nio.file.Files.writeString(dir.resolve("main.json"), """
                {
                  "$schema": "%s",
                  "parameters": { "count": { "type": "int" }, "secret": { "type": "securestring" } },
                  "resources": []
                }
                """.formatted(Inline.SCHEMA));

        EvaluatedTemplate t = TemplateEvaluator.evaluate(template, java.util.Optional.of(params),
                dev.egressguard.core.expression.DeploymentContext.DEFAULT, dir);

        assertThat(t.diagnostics()).extracting(Object::toString).containsExactlyInAnyOrder(
                "main.parameters.json:3:19: error: parameter 'count' is declared int but its value 'three' is String",
                "main.parameters.json:3:50: error: parameter 'secret' is declared securestring but its value <secure> is Int");
    }
}
