package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.ids;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateEvaluatorTest {

    @Test
    void resourcesGetIdsInTheDeploymentContext_childResourcesIncluded() {
        EvaluatedTemplate t = evaluate("basic/azuredeploy.json");

        assertThat(t.diagnostics()).isEmpty();
        assertThat(ids(t)).containsExactly(
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/nodes-vnet",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/nodes-vnet/subnets/workers",
                RG_ID + "/providers/Microsoft.Network/virtualNetworks/nodes-vnet/subnets/system",
                RG_ID + "/providers/Microsoft.Network/networkInterfaces/node-nic");
        Resource subnet = resource(t, "Microsoft.Network/virtualNetworks/subnets", "workers");
        assertThat(subnet.body().get("type")).isEqualTo(Value.of("Microsoft.Network/virtualNetworks/subnets"));
        assertThat(subnet.body().get("name")).isEqualTo(Value.of("nodes-vnet/workers"));
        assertThat(subnet.body().has("dependsOn")).isFalse();
        assertThat(resource(t, "Microsoft.Network/virtualNetworks", "nodes-vnet").body().has("resources")).isFalse();
    }

    @Test
    void bodiesAreTheEvaluatedDeclarations() {
        EvaluatedTemplate t = evaluate("basic/azuredeploy.json");

        Resource nic = resource(t, "Microsoft.Network/networkInterfaces", "node-nic");
        assertThat(nic.apiVersion()).isEqualTo("2023-04-01");
        assertThat(at(nic, "location")).isEqualTo(Value.of("westeurope"));
        assertThat(at(nic, "properties.ipConfigurations.0.properties.subnet.id"))
                .isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/virtualNetworks/nodes-vnet/subnets/workers"));
    }

    @Test
    void aFalseConditionRemovesTheResource() {
        assertThat(evaluate("basic/azuredeploy.json").resources()).noneMatch(r -> r.isType("Microsoft.Network/bastionHosts"));
    }

    @Test
    void provenancePointsAtTheDeclarationAndItsProperties() {
        EvaluatedTemplate t = evaluate("basic/azuredeploy.json");

        Resource nic = resource(t, "Microsoft.Network/networkInterfaces", "node-nic");
        assertThat(nic.provenance().location()).isEqualTo(new SourceLocation("basic/azuredeploy.json", 38, 5));
        assertThat(nic.provenance().locate("/properties/ipConfigurations/0/properties/subnet"))
                .isEqualTo(new SourceLocation("basic/azuredeploy.json", 48, 15));
        assertThat(nic.provenance().locate("/properties/ipConfigurations/0/properties/subnet/id"))
                .isEqualTo(new SourceLocation("basic/azuredeploy.json", 48, 27));
        Resource child = resource(t, "Microsoft.Network/virtualNetworks/subnets", "workers");
        assertThat(child.provenance().location()).isEqualTo(new SourceLocation("basic/azuredeploy.json", 23, 9));
    }

    @Test
    void aParameterFileSuppliesValuesAsGiven_placeholdersIncluded() {
        EvaluatedTemplate t = evaluate("basic/azuredeploy.json", "basic/azuredeploy.parameters.json");

        assertThat(ids(t)).contains(RG_ID + "/providers/Microsoft.Network/virtualNetworks/GEN-UNIQUE/subnets/workers");
    }

    @Test
    void theDeploymentContextIsConfigurable() {
        var ctx = dev.egressguard.core.expression.DeploymentContext.DEFAULT.withSubscriptionId("sub-1")
                .withResourceGroup("prod-rg").withLocation("northeurope");

        EvaluatedTemplate t = TemplateEvaluator.evaluate(Fixtures.root().resolve("basic/azuredeploy.json"),
                Optional.empty(), ctx, Fixtures.root());

        Resource vnet = resource(t, "Microsoft.Network/virtualNetworks", "nodes-vnet");
        assertThat(vnet.id().toString()).isEqualTo("/subscriptions/sub-1/resourceGroups/prod-rg/providers/"
                + "Microsoft.Network/virtualNetworks/nodes-vnet");
        assertThat(at(vnet, "location")).isEqualTo(Value.of("northeurope"));
    }

    @Test
    void badInputIsADiagnosticNeverAnException(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"$schema\": \"deploymentTemplate\", ");
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");

        EvaluatedTemplate b = TemplateEvaluator.evaluate(broken, Optional.empty(),
                dev.egressguard.core.expression.DeploymentContext.DEFAULT, dir);
        EvaluatedTemplate o = TemplateEvaluator.evaluate(other, Optional.empty(),
                dev.egressguard.core.expression.DeploymentContext.DEFAULT, dir);
        EvaluatedTemplate missing = TemplateEvaluator.evaluate(dir.resolve("nope.json"), Optional.empty(),
                dev.egressguard.core.expression.DeploymentContext.DEFAULT, dir);

        assertThat(b.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.toString()).startsWith("broken.json:1:");
        });
        assertThat(o.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.INFO);
            assertThat(d.message()).contains("not an ARM template");
        });
        assertThat(missing.diagnostics()).singleElement().satisfies(d ->
                assertThat(d.message()).startsWith("cannot read the file"));
    }

    @Test
    void aNameThatIsNotTheTypesShapeIsAnError() {
        EvaluatedTemplate t = evaluate("errors/main.json");

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m)
                .contains("resource 'only-one-segment' of type Microsoft.Network/virtualNetworks/subnets: the name has 1 "
                        + "segment(s) but the type needs 2"));
    }
}
