package dev.egressguard.core.live;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reading of audit flags and parameters that the CLI and the Maven plugin share. */
class LiveRequestTest {

    @Test
    void modeNamesAreReadInAnyCaseWithDashOrUnderscore() {
        assertThat(LiveRequest.Mode.parse("list")).isEqualTo(LiveRequest.Mode.LIST);
        assertThat(LiveRequest.Mode.parse(" LIST ")).isEqualTo(LiveRequest.Mode.LIST);
        assertThat(List.of("resource-graph", "Resource_Graph", "resourcegraph", "graph"))
                .allSatisfy(name -> assertThat(LiveRequest.Mode.parse(name)).isEqualTo(LiveRequest.Mode.RESOURCE_GRAPH));
    }

    @Test
    void aBlankModeLeavesTheChoiceToTheSource() {
        assertThat(LiveRequest.Mode.parse(null)).isNull();
        assertThat(LiveRequest.Mode.parse("  ")).isNull();
    }

    @Test
    void anUnknownModeNamesTheModesAndLeavesTheOptionNameToTheShell() {
        assertThatThrownBy(() -> LiveRequest.Mode.parse("scan")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'scan' is not one of list, resource-graph");
    }

    @Test
    void subscriptionValuesAreSplitAtCommasTrimmedAndBlanksDropped() {
        LiveRequest request = LiveRequest.of(Arrays.asList("1111, 2222", null, " ", "3333,,"), null, null, null,
                null, null, null, LiveRequest.Progress.NONE);

        assertThat(request.subscriptions()).containsExactly("1111", "2222", "3333");
        assertThat(request.namedScopes()).containsExactly("/subscriptions/1111", "/subscriptions/2222",
                "/subscriptions/3333");
    }

    @Test
    void textsAreTrimmedAndBlankOnesAreNotGiven() {
        LiveRequest request = LiveRequest.of(List.of(), " platform ", LiveRequest.Mode.RESOURCE_GRAPH, " ", null,
                " AzureUSGovernment ", URI.create("https://adfs.example.test/adfs"), LiveRequest.Progress.CONSOLE);

        assertThat(request).isEqualTo(new LiveRequest(List.of(), "platform", LiveRequest.Mode.RESOURCE_GRAPH, null,
                null, "AzureUSGovernment", URI.create("https://adfs.example.test/adfs"), LiveRequest.Progress.CONSOLE));
        assertThat(request.namedScopes()).containsExactly("/providers/Microsoft.Management/managementGroups/platform");
    }

    @Test
    void theIdsFormIsLeftToTheSourceWhichKnowsTheCloudsRules() {
        LiveRequest request = LiveRequest.of(List.of("not/an/id"), null, null, null, null, null, null, null);

        assertThat(request.subscriptions()).containsExactly("not/an/id");
        assertThat(request.progress()).isEqualTo(LiveRequest.Progress.NONE);
    }

    @Test
    void nothingNamedMeansEverySubscriptionTheSourceSees() {
        LiveRequest everything = LiveRequest.of(List.of(), null, null, null, null, null, null, LiveRequest.Progress.NONE);

        assertThat(everything.namedScopes()).isEmpty();
    }

    @Test
    void theCoveredScopesAreTheSourcesElseTheRequests() {
        LiveRequest named = LiveRequest.of(List.of("1111"), null, null, null, null, null, null, null);
        LiveRequest everything = LiveRequest.of(List.of(), null, null, null, null, null, null, null);
        LiveInventory silent = new LiveInventory(List.of(), List.of(), 1);
        LiveInventory seen = new LiveInventory(List.of(), List.of(), 2, List.of("/subscriptions/1111", "/subscriptions/2222"));

        assertThat(silent.coveredScopes(named)).containsExactly("/subscriptions/1111");
        assertThat(silent.coveredScopes(everything)).isEmpty();
        assertThat(seen.coveredScopes(everything)).containsExactly("/subscriptions/1111", "/subscriptions/2222");
    }

    @Test
    void theSummaryNamesTheScopesOnlyWhenTheUserDidNotNameThemAll() {
        LiveRequest named = LiveRequest.of(List.of("1111"), null, null, null, null, null, null, null);
        LiveRequest everything = LiveRequest.of(List.of(), null, null, null, null, null, null, null);
        LiveInventory one = new LiveInventory(List.of(), List.of(), 3, List.of("/subscriptions/1111"));
        LiveInventory five = new LiveInventory(List.of(), List.of(), 9, List.of("/subscriptions/1", "/subscriptions/2",
                "/subscriptions/3", "/subscriptions/4", "/subscriptions/5"));
        LiveInventory gap = new LiveInventory(List.of(), List.of(new Diagnostic(Diagnostic.Level.WARNING,
                SourceLocation.of("/subscriptions/1111"), "403")), 3, List.of("/subscriptions/1111"));

        assertThat(one.summary(named)).isEqualTo("read 0 resources with 3 requests");
        assertThat(one.summary(everything)).isEqualTo("read 0 resources from /subscriptions/1111 with 3 requests");
        assertThat(five.summary(everything)).isEqualTo("read 0 resources from /subscriptions/1, /subscriptions/2,"
                + " /subscriptions/3 and 2 more with 9 requests");
        assertThat(gap.summary(named)).isEqualTo("read 0 resources with 3 requests (incomplete: see the warnings)");
    }
}
