package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.egressguard.core.expression.Eval.eval;
import static dev.egressguard.core.expression.Eval.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resource ids as Azure's "Resource functions" page builds them, in a context we choose. */
class ResourceAndDeploymentFunctionsTest {

    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final String RG = SUB + "/resourceGroups/egress-guard-rg";

    static Stream<Arguments> documented() {
        return Cases.of(
                "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]",
                "\"" + RG + "/providers/Microsoft.Network/virtualNetworks/vnet\"",
                "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')]",
                "\"" + RG + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes\"",
                "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/nodes')]",
                "\"" + RG + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes\"",
                "[resourceId('otherResourceGroup', 'Microsoft.Storage/storageAccounts', 'examplestorage')]",
                "\"" + SUB + "/resourceGroups/otherResourceGroup/providers/Microsoft.Storage/storageAccounts/examplestorage\"",
                "[resourceId('11111111-1111-1111-1111-111111111111', 'otherResourceGroup', 'Microsoft.SQL/servers/databases', 'serverName', 'databaseName')]",
                "\"/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/otherResourceGroup/providers/Microsoft.SQL/servers/serverName/databases/databaseName\"",
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]",
                "\"" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7\"",
                "[subscriptionResourceId('22222222-2222-2222-2222-222222222222', 'Microsoft.Resources/resourceGroups', 'rg2')]",
                "\"/subscriptions/22222222-2222-2222-2222-222222222222/providers/Microsoft.Resources/resourceGroups/rg2\"",
                "[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'e56962a6-4747-49cd-b67b-bf8b01975c4c')]",
                "\"/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c\"",
                "[extensionResourceId(resourceId('Microsoft.Network/natGateways', 'nat'), 'Microsoft.Authorization/locks', 'lock')]",
                "\"" + RG + "/providers/Microsoft.Network/natGateways/nat/providers/Microsoft.Authorization/locks/lock\"",
                "[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'locationpolicy')]",
                "\"/providers/Microsoft.Management/managementGroups/egress-guard-mg/providers/Microsoft.Authorization/policyDefinitions/locationpolicy\"",
                "[managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')]",
                "\"/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p\"",
                "[resourceGroup().id]", "\"" + RG + "\"",
                "[resourceGroup().name]", "\"egress-guard-rg\"",
                "[resourceGroup().location]", "\"westeurope\"",
                "[resourceGroup().properties.provisioningState]", "\"Succeeded\"",
                "[subscription().id]", "\"" + SUB + "\"",
                "[subscription().subscriptionId]", "\"00000000-0000-0000-0000-000000000000\"",
                "[subscription().tenantId]", "\"00000000-0000-0000-0000-000000000001\"",
                "[tenant().tenantId]", "\"00000000-0000-0000-0000-000000000001\"",
                "[tenant().id]", "\"/tenants/00000000-0000-0000-0000-000000000001\"",
                "[managementGroup().id]", "\"/providers/Microsoft.Management/managementGroups/egress-guard-mg\"",
                "[environment().name]", "\"AzureCloud\"",
                "[environment().resourceManager]", "\"https://management.azure.com/\"",
                "[environment().suffixes.storage]", "\"core.windows.net\"",
                "[environment().authentication.loginEndpoint]", "\"https://login.microsoftonline.com/\"",
                "[deployment().name]", "\"egress-guard\"",
                "[deployment().properties.template.contentVersion]", "\"1.0.0.0\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("documented")
    void evaluatesAsAzureDocuments(String expression, String expected) {
        assertThat(json(expression)).isEqualTo(expected);
    }

    @Test
    void contextDecidesTheDefaultScope() {
        TestScope s = new TestScope().context(DeploymentContext.DEFAULT
                .withSubscriptionId("sub-1").withResourceGroup("rg-nodes").withLocation("northeurope"));
        assertThat(eval("[resourceId('Microsoft.Network/natGateways', 'nat')]", s))
                .isEqualTo(Value.of("/subscriptions/sub-1/resourceGroups/rg-nodes/providers/Microsoft.Network/natGateways/nat"));
        assertThat(eval("[resourceGroup().location]", s)).isEqualTo(Value.of("northeurope"));
    }

    @Test
    void resourceIdFollowsTheDeploymentLevel() {
        TestScope subscription = new TestScope().level(ScopeLevel.SUBSCRIPTION);
        assertThat(eval("[resourceId('Microsoft.Resources/resourceGroups', 'rg-nodes')]", subscription))
                .isEqualTo(Value.of(SUB + "/providers/Microsoft.Resources/resourceGroups/rg-nodes"));
        assertThat(eval("[resourceId('rg-nodes', 'Microsoft.Network/natGateways', 'nat')]", subscription))
                .isEqualTo(Value.of(SUB + "/resourceGroups/rg-nodes/providers/Microsoft.Network/natGateways/nat"));
        assertThat(eval("[subscription().id]", subscription)).isEqualTo(Value.of(SUB));
        assertThatThrownBy(() -> eval("[resourceGroup().id]", subscription))
                .hasMessageContaining("'resourceGroup' is not expected in a template deployed at subscription level");

        TestScope managementGroup = new TestScope().level(ScopeLevel.MANAGEMENT_GROUP);
        assertThat(eval("[resourceId('Microsoft.Authorization/policyDefinitions', 'p')]", managementGroup))
                .isEqualTo(Value.of("/providers/Microsoft.Authorization/policyDefinitions/p"));
        assertThatThrownBy(() -> eval("[subscription().id]", managementGroup))
                .hasMessageContaining("'subscription' is not expected in a template deployed at management group level");
    }

    @Test
    void aMissingPropertyIsReportedAsSuch() {
        TestScope s = new TestScope().reference("vnet", Eval.v("{\"name\": \"v\"}"));
        assertThatThrownBy(() -> eval("[reference('vnet').properties.subnets]", s))
                .isInstanceOf(MissingPropertyException.class)
                .satisfies(e -> {
                    MissingPropertyException m = (MissingPropertyException) e;
                    assertThat(m.property()).isEqualTo("properties");
                    assertThat(m.available()).containsExactly("name");
                    assertThat(m.offset()).isEqualTo(18);
                })
                .hasMessageContaining("property 'properties' doesn't exist");
    }

    @Test
    void parametersAndVariablesComeFromTheScope() {
        TestScope s = new TestScope().param("vnetName", "\"vnet-1\"").variable("Prefix", Value.of("p"));
        assertThat(eval("[parameters('VNETNAME')]", s)).isEqualTo(Value.of("vnet-1"));
        assertThat(eval("[variables('prefix')]", s)).isEqualTo(Value.of("p"));
        assertThatThrownBy(() -> eval("[parameters('missing')]", s)).hasMessageContaining("'missing' is not found");
        assertThatThrownBy(() -> eval("[parameters(1)]", s)).hasMessageContaining("'parameters' expects a string");
    }

    @Test
    void referenceIsAnsweredByTheScope() {
        TestScope s = new TestScope().reference("vnet", Eval.v("{\"subnets\": [{\"id\": \"/x/subnets/a\"}]}"));
        assertThat(eval("[reference('vnet').subnets[0].id]", s)).isEqualTo(Value.of("/x/subnets/a"));
        Value unknown = eval("[reference('other', '2023-04-01', 'Full').properties.id]", s);
        assertThat(unknown).isEqualTo(Value.unknown("depends on reference('other')", Eval.AT));
    }

    @Test
    void deploymentTimeFunctionsAreUnknown() {
        Value keys = eval("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value]");
        assertThat(keys).isEqualTo(Value.unknown("listKeys() is only known at deployment", Eval.AT));
        assertThat(eval("[listSecrets('id', '2020-01-01')]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[LISTAccountSas('id', '2020-01-01', json('{}'))]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[providers('Microsoft.Network')]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[subscription().displayName]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[deployer().objectId]")).isInstanceOf(Value.Unknown.class);
        assertThat(eval("[references('vms', 'Full')]")).isInstanceOf(Value.Unknown.class);
    }

    @Test
    void resourceIdNeedsATypeAndMatchingNames() {
        assertThatThrownBy(() -> eval("[resourceId('vnet', 'subnet')]")).hasMessageContaining("'resourceId' needs a resource type");
        assertThatThrownBy(() -> eval("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')]"))
                .hasMessageContaining("got 1 name segment(s) for the type 'Microsoft.Network/virtualNetworks/subnets', which needs 2");
        assertThatThrownBy(() -> eval("[resourceId('a', 'b', 'c', 'Microsoft.Network/virtualNetworks', 'v')]"))
                .hasMessageContaining("at most a subscription id and a resource group");
    }

    @Test
    void namesAndTypesSplitAtEverySlashEmptySegmentsIncluded() {
        assertThat(eval("[resourceId('/Microsoft.Network/virtualNetworks/subnets//', 'vnet/')]"))
                .isEqualTo(Value.of(RG + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/"));
        assertThat(eval("[resourceId('Microsoft.X//y', 'a', 'b')]"))
                .isEqualTo(Value.of(RG + "/providers/Microsoft.X//a/y/b"));
        assertThat(eval("[tenantResourceId('Microsoft.A/b/c/d', 'n1/n2', '')]"))
                .isEqualTo(Value.of("/providers/Microsoft.A/b/n1/c/n2/d/"));
        assertThatThrownBy(() -> eval("[tenantResourceId('Microsoft.A/b/c/d', 'n1/n2', '', 'n4')]"))
                .hasMessageContaining("got 4 name segment(s) for the type 'Microsoft.A/b/c/d', which needs 3");
        assertThatThrownBy(() -> eval("[resourceId('/Microsoft.A/', 'x')]"))
                .hasMessageContaining("got 1 name segment(s) for the type '/Microsoft.A/', which needs 1");
        assertThatThrownBy(() -> eval("[resourceId('Microsoft.A/b', 'x', 1)]"))
                .hasMessageContaining("argument 3");
    }
}
