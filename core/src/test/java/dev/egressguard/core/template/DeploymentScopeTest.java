package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

class DeploymentScopeTest {

    private static final String SUB = "/subscriptions/" + DeploymentContext.DEFAULT_SUBSCRIPTION;

    @TempDir
    Path dir;

    @Test
    void aSubscriptionTemplateDeploysResourceGroupsAndNestsIntoThem() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01", "name": "aks-rg", "location": "westeurope" },
                    {
                      "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "network",
                      "resourceGroup": "aks-rg",
                      "properties": {
                        "mode": "Incremental",
                        "expressionEvaluationOptions": { "scope": "inner" },
                        "template": {
                          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                          "contentVersion": "1.0.0.0",
                          "resources": [
                            { "type": "Microsoft.Network/natGateways", "apiVersion": "2023-04-01", "name": "[format('{0}-nat', resourceGroup().name)]", "location": "westeurope" }
                          ]
                        }
                      }
                    }
                  ]
                }
                """);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(ids(t)).containsExactly(
                SUB + "/resourceGroups/aks-rg",
                SUB + "/resourceGroups/aks-rg/providers/Microsoft.Resources/deployments/network",
                SUB + "/resourceGroups/aks-rg/providers/Microsoft.Network/natGateways/aks-rg-nat");
    }

    @Test
    void extensionResources_byScopeOrOldStyleProvidersType() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "languageVersion": "2.0",
                  "contentVersion": "1.0.0.0",
                  "resources": {
                    "vnet": { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-04-01", "name": "vnet", "location": "westeurope" },
                    "lock": { "type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01", "name": "no-delete", "scope": "vnet",
                              "properties": { "level": "CanNotDelete" } },
                    "diag": { "type": "Microsoft.Network/virtualNetworks/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview",
                              "name": "vnet/Microsoft.Insights/logs" }
                  }
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(ids(t)).containsExactly(
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/providers/Microsoft.Authorization/locks/no-delete",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/providers/Microsoft.Insights/diagnosticSettings/logs");
        assertThat(t.resources().get(2).type()).isEqualTo("Microsoft.Insights/diagnosticSettings");
    }

    @Test
    void anUnknownConditionKeepsTheResourceAndSaysSoInItsBody() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "parameters": { "natMode": { "type": "string" } },
                  "resources": [
                    { "condition": "[equals(parameters('natMode'), 'new')]",
                      "type": "Microsoft.Network/natGateways", "apiVersion": "2023-04-01", "name": "nat", "location": "westeurope" }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        Resource nat = t.resources().get(0);
        assertThat(nat.body().get("condition")).isInstanceOfSatisfying(Value.Unknown.class, u ->
                assertThat(u.reason()).isEqualTo("parameter 'natMode' has no value and no default"));
        assertThat(nat.provenance().locate("/condition").line()).isEqualTo(6);
    }

    @Test
    void nestedChildTypesWithoutNamespaceComposeWithTheParent() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "sa", "location": "westeurope",
                      "resources": [
                        { "type": "blobServices/containers", "apiVersion": "2023-01-01", "name": "default/logs" },
                        { "type": "Microsoft.Storage/storageAccounts/blobServices", "apiVersion": "2023-01-01", "name": "sa/default" }
                      ] }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(ids(t)).containsExactly(
                RG_ID + "/providers/Microsoft.Storage/storageAccounts/sa",
                RG_ID + "/providers/Microsoft.Storage/storageAccounts/sa/blobServices/default/containers/logs",
                RG_ID + "/providers/Microsoft.Storage/storageAccounts/sa/blobServices/default");
    }

    @Test
    void anOuterScopeTemplateInACopiedDeploymentSeesTheDeploymentsCopyIndex() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "[format('d{0}', copyIndex())]",
                      "copy": { "name": "d", "count": 2 },
                      "properties": { "mode": "Incremental", "template": {
                        "$schema": "%s", "contentVersion": "1.0.0.0",
                        "resources": [ { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01",
                                         "name": "[format('rt{0}', copyIndex())]", "location": "westeurope" } ] } } }
                  ]
                }
                """.formatted(Inline.SCHEMA, Inline.SCHEMA));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.resources()).filteredOn(r -> r.isType("Microsoft.Network/routeTables")).extracting(Resource::name)
                .containsExactly("rt0", "rt1");
    }

    @Test
    void referenceInAConditionIsUnknown_theResourceIsKept() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-04-01", "name": "pip", "location": "westeurope",
                      "properties": { "publicIPAllocationMethod": "Static" } },
                    { "condition": "[equals(reference('pip').publicIPAllocationMethod, 'Static')]",
                      "type": "Microsoft.Network/natGateways", "apiVersion": "2023-04-01", "name": "nat", "location": "westeurope" }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.resources().get(1).body().get("condition")).isInstanceOfSatisfying(Value.Unknown.class, u ->
                assertThat(u.reason()).isEqualTo("reference('pip') decides a resource's name, type, condition or count; "
                        + "it is only known at deployment"));
    }

    @Test
    void copiedOutputsOfANestedDeploymentAndOutputsOfAnUnfetchedOne() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%1$s",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "subnets",
                      "properties": { "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" }, "template": {
                        "$schema": "%1$s", "contentVersion": "1.0.0.0", "resources": [],
                        "outputs": { "names": { "type": "array", "copy": { "count": 2, "input": "[format('snet-{0}', copyIndex())]" } } } } } },
                    { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "remote",
                      "properties": { "mode": "Incremental", "templateLink": { "uri": "https://example.com/t.json" } } },
                    { "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "rt", "location": "westeurope",
                      "tags": { "second": "[reference('subnets').outputs.names.value[1]]",
                                "remote": "[reference('remote').outputs.id.value]" } }
                  ]
                }
                """.formatted(Inline.SCHEMA));

        Resource rt = Fixtures.resource(t, "Microsoft.Network/routeTables", "rt");
        assertThat(Fixtures.at(rt, "tags.second")).isEqualTo(Value.of("snet-1"));
        assertThat(Fixtures.at(rt, "tags.remote")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("deployment 'remote' uses linked template https://example.com/t.json, which is not fetched; "
                        + "its outputs are unknown"));
    }
}
