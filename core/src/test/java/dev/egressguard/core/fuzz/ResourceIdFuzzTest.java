package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egressguard.core.model.ResourceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids come from anywhere in a template body: any string under a key named {@code id} is parsed,
 * and reports and baselines print ids that are parsed again later. Parsing must answer (an id or
 * empty) for every string, and an id it accepts must parse back to itself from its printed form.
 */
class ResourceIdFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parseNeverThrowsAndRoundTrips(String text) {
        ResourceId.parse(text).ifPresent(id -> {
            assertThat(ResourceId.parse(id.toString())).contains(id);
            assertThat(id.names()).isNotEmpty();
            id.parent().ifPresent(parent -> assertThat(parent.names()).hasSize(id.names().size() - 1));
        });
    }

    /** Found by the fuzzer: a blank segment before a trailing slash was kept by the first parse only. */
    @Test
    void blankSegmentBeforeTrailingSlashIsNotKept() {
        String subnet = "/subscriptions/s/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes \t/";

        ResourceId id = ResourceId.parse(subnet).orElseThrow();

        assertThat(id.toString()).isEqualTo("/subscriptions/s/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes");
        assertThat(ResourceId.parse(id.toString())).contains(id);
        assertThat(ResourceId.parse("/subscriptions/s/providers/Microsoft.Network/virtualNetworks/v/subnets/ /")).isEmpty();
    }
}
