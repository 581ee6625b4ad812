package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class NestedDeploymentTest {

    private static final String SUB = "/subscriptions/" + DeploymentContext.DEFAULT_SUBSCRIPTION;

    /** The project root is the nested/ folder, so ../basic is outside it. */
    private final Path root = Fixtures.root().resolve("nested");
    private final EvaluatedTemplate t = TemplateEvaluator.evaluate(root.resolve("main.json"), Optional.empty(),
            DeploymentContext.DEFAULT, root);

    @Test
    void innerScopeSeesOnlyItsParameters_andDeploysToTheDeploymentsResourceGroup() {
        Resource nat = resource(t, "Microsoft.Network/natGateways", "inner-nat");

        assertThat(nat.id().toString()).isEqualTo(SUB + "/resourceGroups/network-rg/providers/Microsoft.Network/natGateways/inner-nat");
        assertThat(resource(t, "Microsoft.Resources/deployments", "innerDeploy").id().resourceGroup()).isEqualTo("network-rg");
        assertThat(nat.provenance().location().line()).isEqualTo(25);
    }

    @Test
    void outerScopeSeesTheParentsVariables() {
        assertThat(resource(t, "Microsoft.Network/publicIPAddresses", "outer-dev-pip").id().toString())
                .isEqualTo(RG_ID + "/providers/Microsoft.Network/publicIPAddresses/outer-dev-pip");
    }

    @Test
    void theParentReadsNestedOutputsThroughReference() {
        Resource subnet = resource(t, "Microsoft.Network/virtualNetworks/subnets", "nodes");

        assertThat(at(subnet, "properties.natGateway.id"))
                .isEqualTo(Value.of(SUB + "/resourceGroups/network-rg/providers/Microsoft.Network/natGateways/inner-nat"));
        assertThat(at(subnet, "properties.networkSecurityGroup.id"))
                .isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/virtualNetworks/outer-dev-vnet"));
    }

    @Test
    void aRelativePathLinkIsReadFromDisk_withItsOwnFileInLocations() {
        Resource vnet = resource(t, "Microsoft.Network/virtualNetworks", "outer-dev-vnet");

        assertThat(vnet.provenance().location()).isEqualTo(new SourceLocation("modules/vnet.json", 8, 5));
    }

    @Test
    void aLinkedUriIsNeverFetched_theDeploymentStaysWithAnUnknownTemplate() {
        Resource remote = resource(t, "Microsoft.Resources/deployments", "remote");

        assertThat(at(remote, "properties.template")).isInstanceOfSatisfying(Value.Unknown.class, u ->
                assertThat(u.reason()).isEqualTo("linked template https://example.com/templates/aks.json is not fetched; "
                        + "its resources are unknown"));
        assertThat(Fixtures.messages(t, Diagnostic.Level.WARNING)).containsExactly("main.json:80:5: warning: linked "
                + "template https://example.com/templates/aks.json is not fetched; its resources are unknown (map its "
                + "URI prefix to a project directory as a linked template location to check it)");
    }

    @Test
    void aLinkOutsideTheProjectRootIsNotRead() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).singleElement().satisfies(m -> assertThat(m)
                .startsWith("main.json:89:5: error: linked template ../basic/azuredeploy.json is outside the project root"));
        assertThat(t.resources()).noneMatch(r -> r.isType("Microsoft.Network/networkInterfaces"));
    }

    @Test
    void aCopiedDeploymentEvaluatesItsTemplateOncePerIteration() {
        assertThat(t.resources().stream().filter(r -> r.isType("Microsoft.Network/routeTables")).map(Resource::name))
                .containsExactly("rt-0-loop-0", "rt-1-loop-1");
    }

    @Test
    void nestedBodiesDoNotCarryTheNestedTemplate() {
        Resource inner = resource(t, "Microsoft.Resources/deployments", "innerDeploy");

        assertThat(at(inner, "properties.template")).isEqualTo(new Value.Obj(java.util.Map.of(
                "$schema", Value.of("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"),
                "contentVersion", Value.of("1.0.0.0"))));
    }
}
