package dev.egressguard.rules;

import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The rule pack's public promises: ids, names, severities, documentation. */
class RulePackLoadsTest {

    @Test
    void theBuiltInRulesLoadWithoutAnyDiagnostic() {
        assertThat(Pipeline.builtInRules().diagnostics()).isEmpty();
    }

    @Test
    void idsNamesAndSeveritiesArePublicPromises() {
        assertThat(Pipeline.builtInRules().descriptors())
                .extracting(RuleDescriptor::id, RuleDescriptor::name, RuleDescriptor::severity)
                .containsExactly(
                        tuple("EG001", "no-instance-public-ip", Severity.ERROR),
                        tuple("EG002", "nat-gateway-on-node-subnets", Severity.ERROR),
                        tuple("EG003", "no-load-balancer-egress", Severity.ERROR),
                        tuple("EG004", "no-default-outbound-access", Severity.WARNING),
                        tuple("EG005", "nat-gateway-standard-v2-public-ips", Severity.ERROR),
                        tuple("EG006", "no-basic-sku", Severity.WARNING));
    }

    @Test
    void everyRuleHasRemediationAHelpUriOnLearnAndADocPage() {
        for (RuleDescriptor d : Pipeline.builtInRules().descriptors()) {
            assertThat(d.remediation()).as(d.id()).contains("\"");
            assertThat(d.helpUri()).as(d.id()).startsWith("https://learn.microsoft.com/");
            assertThat(Files.isRegularFile(Path.of("docs", d.id() + ".md"))).as(d.id() + " doc page").isTrue();
        }
    }
}
