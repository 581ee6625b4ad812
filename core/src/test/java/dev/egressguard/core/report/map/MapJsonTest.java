package dev.egressguard.core.report.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.egressguard.core.egress.EgressMap;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MapJsonTest {

    private static JsonNode json(EgressMap map) throws Exception {
        return new ObjectMapper().readTree(MapJson.render(map));
    }

    /** As JsonReporterTest checks the report: every rendering, real and made, against the published schema. */
    @Test
    void matchesThePublishedJsonSchema() throws Exception {
        Path schemaFile = Path.of("..", "docs", "egress-map.schema.json");
        assumeTrue(Files.isRegularFile(schemaFile), "no schema at " + schemaFile.toAbsolutePath());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        for (EgressMap map : List.of(MapFixtures.allReal(), MapFixtures.handMade(), MapFixtures.hostile(), EgressMap.EMPTY)) {
            assertThat(schema.validate(json(map))).isEmpty();
        }
        JsonNode wrong = json(MapFixtures.handMade());
        ((ObjectNode) wrong.at("/nodes/0/egress")).put("path", "vpn");
        assertThat(schema.validate(wrong)).isNotEmpty();
        JsonNode missing = json(MapFixtures.handMade());
        ((ObjectNode) missing.at("/nodes/0")).remove("bypassed");
        assertThat(schema.validate(missing)).isNotEmpty();
    }

    @Test
    void everyPromisedFieldInOrder() throws Exception {
        JsonNode root = json(MapFixtures.handMade());

        assertThat(names(root)).containsExactly("schemaVersion", "nodes", "egressIps", "summary");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode a = root.at("/nodes/0");
        assertThat(names(a)).containsExactly("id", "kind", "name", "subnet", "group", "file", "line", "egress", "bypassed");
        assertThat(a.get("kind").asText()).isEqualTo("scaleSet");
        assertThat(a.get("name").asText()).isEqualTo("agent-a");
        assertThat(a.get("group").asText()).isEqualTo("vnet prod");
        assertThat(a.get("file").asText()).isEqualTo("infra/main.json");
        assertThat(a.get("line").asInt()).isEqualTo(12);
        assertThat(names(a.get("egress"))).containsExactly("path", "via", "publicIps", "publicIpsComplete", "reason",
                "possiblePaths");
        assertThat(a.at("/egress/path").asText()).isEqualTo("natGateway");
        assertThat(a.at("/egress/via").asText()).endsWith("/natGateways/nat-prod");
        assertThat(names(a.at("/egress/publicIps/0"))).containsExactly("id", "address", "prefix", "reason");
        assertThat(a.at("/egress/publicIps/0/address").asText()).isEqualTo("20.1.2.3");
        assertThat(a.at("/egress/publicIps/0/prefix").isNull()).isTrue();
        assertThat(a.at("/egress/publicIps/1/prefix").asText()).isEqualTo("20.9.8.0/30");
        assertThat(a.at("/egress/publicIpsComplete").asBoolean()).isTrue();
        assertThat(a.at("/egress/possiblePaths/0").asText()).isEqualTo("natGateway");
        assertThat(a.at("/bypassed/0/path").asText()).isEqualTo("loadBalancer");
        assertThat(a.at("/bypassed/0/via").asText()).endsWith("/backendAddressPools/pool");

        JsonNode ips = root.get("egressIps");
        assertThat(ips).hasSize(3);
        assertThat(names(ips.get(0))).containsExactly("id", "address", "prefix", "reason", "cidr");
        assertThat(ips.get(0).get("cidr").asText()).isEqualTo("20.1.2.3/32");
        assertThat(ips.get(1).get("cidr").asText()).isEqualTo("20.9.8.0/30");
        assertThat(ips.get(2).get("cidr").isNull()).isTrue();

        JsonNode summary = root.get("summary");
        assertThat(summary.get("nodes").asInt()).isEqualTo(6);
        assertThat(names(summary.get("byPath"))).containsExactly("firewall", "natGateway", "instancePublicIp",
                "defaultOutbound", "unknown");
        assertThat(summary.at("/byPath/natGateway").asInt()).isEqualTo(2);
        assertThat(summary.get("egressIps").asInt()).isEqualTo(3);
        assertThat(summary.get("unknownAddresses").asInt()).isEqualTo(1);
    }

    @Test
    void aLiveNodeHasNullFileAndLineAndNullsAreWritten() throws Exception {
        JsonNode aks = json(MapFixtures.handMade()).at("/nodes/5");

        assertThat(aks.get("file").isNull()).isTrue();
        assertThat(aks.get("line").isNull()).isTrue();
        assertThat(aks.get("subnet").isNull()).isTrue();
        assertThat(aks.at("/egress/via").isNull()).isTrue();
        assertThat(aks.at("/egress/path").asText()).isEqualTo("unknown");
        assertThat(aks.at("/egress/possiblePaths").toString()).isEqualTo("[\"natGateway\",\"loadBalancer\"]");
    }

    @Test
    void aTemplateRunGivesItsNodesWithFileAndLineAndAddressesAssignedAtDeployment() throws Exception {
        JsonNode root = json(MapFixtures.real("nat-cluster"));

        JsonNode n = root.at("/nodes/0");
        assertThat(n.get("kind").asText()).isEqualTo("scaleSet");
        assertThat(n.get("name").asText()).isEqualTo("build-agents");
        assertThat(n.get("group").asText()).isEqualTo("vnet build-vnet");
        assertThat(n.get("file").asText()).isEqualTo("main.json");
        assertThat(n.get("line").asInt()).isPositive();
        assertThat(n.at("/egress/path").asText()).isEqualTo("natGateway");
        assertThat(n.at("/egress/via").asText()).endsWith("/natGateways/build-nat");
        assertThat(n.at("/egress/publicIps/0/address").isNull()).isTrue();
        assertThat(n.at("/egress/publicIps/0/reason").asText()).contains("at deployment");
        assertThat(root.at("/summary/unknownAddresses").asInt()).isEqualTo(1);
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
