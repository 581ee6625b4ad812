package dev.egressguard.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit command refuses before it reads anything (no network here). */
class AuditCommandTest {

    @Test
    void subscriptionsAndAManagementGroupTogetherAreAUsageError() {
        Run run = Run.egress("audit", "--subscriptions", "1111", "--management-group", "platform");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give subscriptions or a management group, not both");
    }

    @Test
    void aSubscriptionIdThatIsNotOneIsAUsageError() {
        Run run = Run.egress("audit", "--subscriptions", "not/an/id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'not/an/id' is not a subscription id");
    }

    @Test
    void anUnknownModeIsAUsageError() {
        Run run = Run.egress("audit", "--mode", "scan");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mode: 'scan' is not one of list, resource-graph");
    }

    @Test
    void helpNamesTheScopesAndTheReadOnlyPromise() {
        Run run = Run.egress("help", "audit");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--subscriptions", "--management-group", "--mode", "--format", "--fail-on",
                "Only GET requests");
    }
}
