package dev.egressguard.core.rule;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.condition.EvalContext;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule language's {@code egress} view: the egress model's decision as values, UNKNOWN exactly
 * where the model is undecided, missing on resources that are neither node nor subnet, and pointing
 * at the body property each key rests on.
 */
class EgressViewConditionsTest {

    @TempDir
    Path dir;

    private static final String NAT_VNET = """
            {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2024-05-01", "name": "pip", "location": "westeurope",
             "sku": {"name": "Standard"}, "properties": {}},
            {"type": "Microsoft.Network/natGateways", "apiVersion": "2024-05-01", "name": "nat", "location": "westeurope",
             "properties": {"publicIpAddresses": [{"id": "[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]"}]}},
            {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet", "location": "westeurope",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": [
               {"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24",
                 "natGateway": {"id": "[resourceId('Microsoft.Network/natGateways', 'nat')]"}}}]}}
            """;

    private ResourceGraph graph(String resources, String... parameters) throws IOException {
        String template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"parameters\": {" + String.join(",", parameters) + "},"
                + " \"resources\": [" + resources + "]}";
        Path file = Files.writeString(dir.resolve("template.json"), template);
        EvaluatedTemplate t = TemplateEvaluator.evaluate(file, Optional.empty(), DeploymentContext.DEFAULT, dir);
        return ResourceGraph.normalized(t.resources());
    }

    private static Verdict eval(String condition, ResourceGraph graph, String idSuffix) {
        Resource r = graph.resources().stream().filter(x -> x.id().toString().endsWith(idSuffix)).findFirst().orElseThrow();
        return ConditionsFixture.compile(condition).evaluate(EvalContext.of(r, graph, Map.of()));
    }

    @Test
    void aSubnetWithItsNatGatewayReadsAsNatGatewayAndPointsAtIt() throws IOException {
        ResourceGraph g = graph(NAT_VNET);

        assertThat(eval("{field: egress.path, equals: natGateway}", g, "subnets/nodes").truth()).isEqualTo(Truth.TRUE);
        Verdict noLb = eval("{field: egress.loadBalancer, exists: true}", g, "subnets/nodes");
        assertThat(noLb.truth()).isEqualTo(Truth.FALSE);
        Verdict wrong = eval("{field: egress.path, equals: firewall}", g, "subnets/nodes");
        assertThat(wrong.truth()).isEqualTo(Truth.FALSE);
        assertThat(wrong.path()).isEqualTo("/properties/natGateway/id");
        assertThat(eval("{count: {field: 'egress.publicIps[*]'}, equals: 1}", g, "subnets/nodes").truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void aNodeWhoseSubnetIsAParameterWithoutValueIsUnknownWithTheReason() throws IOException {
        ResourceGraph g = graph(NAT_VNET + """
                ,{"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2024-05-01", "name": "nic", "location": "westeurope",
                  "properties": {"ipConfigurations": [{"name": "ip", "properties": {"subnet": {"id": "[parameters('subnetId')]"}}}]}}
                """, "\"subnetId\": {\"type\": \"string\"}");

        Verdict v = eval("{field: egress.natGateway, exists: false}", g, "ipConfigurations/ip");
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).contains("subnetId");
        assertThat(v.path()).isEqualTo("/properties/subnet/id");
        // Ruled out entirely: a NIC without pools has no load balancer path, unknown subnet or not.
        assertThat(eval("{field: egress.loadBalancer, exists: false}", g, "ipConfigurations/ip").truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void aResourceThatIsNeitherNodeNorSubnetHasNoEgressView() throws IOException {
        ResourceGraph g = graph(NAT_VNET);

        assertThat(eval("{field: egress.path, exists: false}", g, "natGateways/nat").truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("{field: egress.path, equals: natGateway}", g, "natGateways/nat").truth()).isEqualTo(Truth.FALSE);
    }
}
