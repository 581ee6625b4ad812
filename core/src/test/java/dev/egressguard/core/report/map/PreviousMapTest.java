package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviousMapTest {

    @TempDir
    Path project;

    @Test
    void whatMapJsonWritesReadsBackAsTheSameMap() throws Exception {
        EgressMap map = MapFixtures.handMade();
        Files.writeString(project.resolve("egress-map.json"), MapJson.render(map));

        PreviousMap previous = PreviousMap.read(project.resolve("egress-map.json"), project);

        assertThat(previous.name()).isEqualTo("egress-map.json");
        // The JSON keeps file and line, not the column.
        assertThat(previous.map().nodes()).hasSameSizeAs(map.nodes());
        for (int i = 0; i < map.nodes().size(); i++) {
            EgressNode want = map.nodes().get(i);
            SourceLocation at = want.location();
            assertThat(previous.map().nodes().get(i)).isEqualTo(new EgressNode(want.id(), want.kind(), want.name(),
                    want.subnet(), want.group(), at.isKnown() ? new SourceLocation(at.file(), at.line(), 0) : at,
                    want.egress(), want.bypassed()));
        }
        assertThat(MapJson.render(previous.map())).isEqualTo(MapJson.render(map));
    }

    @Test
    void aRealRunReadsBackToTheSameJson() throws Exception {
        EgressMap map = MapFixtures.allReal();
        assertThat(MapJson.render(PreviousMap.parse("m.json", MapJson.render(map)).map())).isEqualTo(MapJson.render(map));
    }

    @Test
    void anIncompleteListOfPublicIpsStaysIncomplete() throws Exception {
        String json = MapJson.render(MapFixtures.handMade()).replaceFirst("\"publicIpsComplete\" : true",
                "\"publicIpsComplete\" : false");

        assertThat(PreviousMap.parse("m.json", json).map().nodes().get(0).egress().publicIpsUnknown())
                .isEqualTo(PreviousMap.INCOMPLETE);
    }

    @Test
    void aWrongSchemaVersionIsRefusedWhereItIsWritten() {
        assertThatThrownBy(() -> PreviousMap.parse("old.json", "{\n  \"schemaVersion\": 2,\n  \"nodes\": []\n}"))
                .isInstanceOf(PreviousMap.InvalidMapException.class)
                .hasMessage("old.json:2:20: schemaVersion 2 is not understood by this version (it reads 1)");
        assertThatThrownBy(() -> PreviousMap.parse("old.json", "{\"schemaVersion\": \"1\", \"nodes\": []}"))
                .hasMessage("old.json:1:19: schemaVersion a string is not understood by this version (it reads 1)");
        assertThatThrownBy(() -> PreviousMap.parse("r.json", "{\"formatVersion\": 1, \"findings\": []}"))
                .hasMessage("r.json:1:1: no 'schemaVersion': this is not an egress map written by 'egress map --format json'");
    }

    @Test
    void aWrongShapeIsRefusedAtTheValue() {
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "[]"))
                .hasMessage("m.json:1:1: an egress map must be a JSON object, not a list");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1}"))
                .hasMessage("m.json:1:1: 'nodes' is missing");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": {}}"))
                .hasMessage("m.json:1:31: 'nodes' must be a list, not an object");
        String node = "{\"id\": \"x\", \"kind\": \"%s\", \"egress\": {\"path\": \"%s\", \"reason\": \"r\"}}";
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": [\n"
                + node.formatted("router", "natGateway") + "]}"))
                .hasMessage("m.json:2:21: kind 'router' is none of virtualMachine, networkInterface, scaleSet, aksNodePool");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": [\n"
                + node.formatted("scaleSet", "vpn\\u001b[2J") + "]}"))
                .hasMessage("m.json:2:52: path 'vpn\\u001b[2J' is none of firewall, natGateway, instancePublicIp,"
                        + " loadBalancer, defaultOutbound, none, unknown");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": [{\"id\": 7}]}"))
                .hasMessage("m.json:1:39: a node's 'id' must be a string, not 7");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": [\n"
                + "{\"id\": \"x\", \"kind\": \"scaleSet\", \"line\": 0, \"egress\": {\"path\": \"none\", \"reason\": \"r\"}}]}"))
                .hasMessage("m.json:2:41: 'line' must be a line number (1 or more), not 0");
    }

    @Test
    void brokenJsonDuplicateKeysAndTooDeepNestingAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1,\n  \"nodes\": [}"))
                .hasMessageStartingWith("m.json:2:13: not valid JSON: ");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"nodes\": []}"))
                .hasMessageStartingWith("m.json:1:").hasMessageEndingWith("a key appears twice in one object");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "[".repeat(5000)))
                .hasMessageContaining("nests arrays and objects more than 1000 levels deep");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", ""))
                .hasMessage("m.json: the file is empty; an egress map is a JSON object");
        assertThatThrownBy(() -> PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"nodes\": []} {}"))
                .hasMessage("m.json:1:35: more follows the JSON object");
    }

    @Test
    void unknownFieldsAreIgnoredAsTheDocumentationPromises() throws Exception {
        PreviousMap p = PreviousMap.parse("m.json", "{\"schemaVersion\": 1, \"future\": {\"x\": [1]}, \"nodes\": []}");

        assertThat(p.map().nodes()).isEmpty();
    }

    @Test
    void aMissingFileOrALinkOutOfTheProjectIsRefusedBeforeReading() throws IOException {
        assertThatThrownBy(() -> PreviousMap.read(project.resolve("none.json"), project))
                .hasMessage("none.json: previous egress map not read: cannot read the file: it does not exist");

        Path outside = Files.createTempFile("egress-map", ".json");
        try {
            Files.writeString(outside, MapJson.render(MapFixtures.handMade()));
            Path link = project.resolve("egress-map.json");
            try {
                Files.createSymbolicLink(link, outside);
            } catch (UnsupportedOperationException | IOException e) {
                return; // no symbolic links here (Windows without the privilege)
            }
            assertThatThrownBy(() -> PreviousMap.read(link, project))
                    .isInstanceOf(PreviousMap.InvalidMapException.class)
                    .hasMessageContaining("egress-map.json: previous egress map not read: leads outside the project root");
        } finally {
            Files.delete(outside);
        }
    }
}
