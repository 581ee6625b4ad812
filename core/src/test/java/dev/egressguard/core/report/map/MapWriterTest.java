package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.report.ColorMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapWriterTest {

    @Test
    void formatsParseInAnyCasingAndAWrongOneNamesTheValidOnes() {
        assertThat(MapFormat.parse(" Allowlist ")).isEqualTo(MapFormat.ALLOWLIST);
        assertThat(MapFormat.parse("JSON")).isEqualTo(MapFormat.JSON);
        assertThatThrownBy(() -> MapFormat.parse("sarif")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown egress map format 'sarif'; use one of console, json, markdown, allowlist");
        assertThatThrownBy(() -> MapFormat.parse(null)).hasMessageStartingWith("unknown egress map format ''");
        assertThat(MapFormat.JSON.fileName()).contains("egress-map.json");
        assertThat(MapFormat.CONSOLE.fileName()).isEmpty();
    }

    @Test
    void eachFormatIsItsRenderer() {
        EgressMap map = MapFixtures.handMade();
        MapOptions options = MapOptions.defaults().withColor(ColorMode.NEVER);

        assertThat(MapWriter.render(map, MapFormat.JSON, options)).isEqualTo(MapJson.render(map));
        assertThat(MapWriter.render(map, MapFormat.MARKDOWN, options)).isEqualTo(MapMarkdown.render(map, null));
        assertThat(MapWriter.render(map, MapFormat.CONSOLE, options)).isEqualTo(MapConsole.render(map, null, false));
        assertThat(MapWriter.render(map, MapFormat.CONSOLE, options.withColor(ColorMode.ALWAYS))).contains("\u001b[");
        assertThat(MapWriter.render(map, MapFormat.ALLOWLIST, options)).isEqualTo(MapAllowlist.render(map, true));
        assertThat(MapWriter.render(map, MapFormat.ALLOWLIST, options.withPerGroup(false))).isEqualTo(MapAllowlist.render(map, false));
    }

    @Test
    void aPreviousMapAddsTheChangesAndTheJsonStaysTheWholeMap() throws Exception {
        EgressMap now = MapDiffTest.moved();
        PreviousMap before = PreviousMap.parse("egress-map.json", MapJson.render(MapFixtures.handMade()));
        MapOptions options = MapOptions.defaults().withColor(ColorMode.NEVER).withPrevious(before);

        assertThat(MapWriter.render(now, MapFormat.ALLOWLIST, options)).contains("-20.1.2.3/32\n+20.1.2.4/32\n");
        assertThat(MapWriter.render(now, MapFormat.MARKDOWN, options)).contains("### Changes since egress-map.json");
        assertThat(MapWriter.render(now, MapFormat.CONSOLE, options)).contains("Changes since egress-map.json:");
        assertThat(MapWriter.render(now, MapFormat.JSON, options)).isEqualTo(MapJson.render(now));
    }
}
