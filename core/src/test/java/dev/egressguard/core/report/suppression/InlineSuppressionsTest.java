package dev.egressguard.core.report.suppression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.PropertyLocator;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InlineSuppressionsTest {

    /** Where the template helper would say each pointer is written. */
    private static final PropertyLocator LOCATOR = pointer -> switch (pointer) {
        case "/metadata/egressGuard/suppress/0" -> new SourceLocation("infra/main.json", 21, 11);
        case "/metadata/egressGuard/suppress/1" -> new SourceLocation("infra/main.json", 26, 11);
        case "/metadata/egressGuard/suppress/1/expires" -> new SourceLocation("infra/main.json", 28, 24);
        default -> SourceLocation.NONE;
    };

    private static Value.Obj obj(Object... keyValues) {
        java.util.LinkedHashMap<String, Value> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put((String) keyValues[i], v instanceof Value value ? value : Value.of((String) v));
        }
        return new Value.Obj(m);
    }

    private static Value.Obj metadata(Value... entries) {
        return obj("egressGuard", obj("suppress", Value.Arr.of(entries)));
    }

    @Test
    void readsTheSuppressListOfAResource() {
        Resource vmss = new Resource(ResourceId.parse(Fixtures.VMSS_ID).orElseThrow(),
                "Microsoft.Compute/virtualMachineScaleSets", "workers", "2024-03-01",
                obj("name", "workers", "metadata", metadata(
                        obj("rule", "EG001", "justification", "Bastion pool, approved in SEC-42", "expires", "2027-01-31"))),
                Provenance.template(new SourceLocation("infra/main.json", 18, 5), LOCATOR));

        InlineSuppressions.Loaded loaded = InlineSuppressions.read(vmss);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.entries()).containsExactly(SuppressionEntry.inline("EG001", Fixtures.VMSS_ID,
                "Bastion pool, approved in SEC-42", LocalDate.of(2027, 1, 31), new SourceLocation("infra/main.json", 21, 11)));
    }

    @Test
    void keysAreCaseInsensitiveAsInArm() {
        InlineSuppressions.Loaded loaded = InlineSuppressions.read(Fixtures.VMSS_ID,
                obj("EgressGuard", obj("Suppress", Value.Arr.of(obj("Rule", "EG001", "Justification", "ok")))), LOCATOR);

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.entries()).extracting(SuppressionEntry::rule).containsExactly("EG001");
    }

    @Test
    void resourcesWithoutOurBlockHaveNothingToSay() {
        assertThat(InlineSuppressions.read(Fixtures.VMSS_ID, obj("owner", "team-a"), LOCATOR).entries()).isEmpty();
        assertThat(InlineSuppressions.read(Fixtures.VMSS_ID, obj("owner", "team-a"), LOCATOR).diagnostics()).isEmpty();
    }

    @Test
    void malformedEntriesAreErrorsThatSuppressNothing() {
        InlineSuppressions.Loaded loaded = InlineSuppressions.read(Fixtures.VMSS_ID, metadata(
                obj("rule", "EG001"),
                obj("rule", "EG001", "justification", "ok", "expires", "soon"),
                obj("rule", new Value.Unknown("parameter 'rule' has no value", SourceLocation.NONE), "justification", "ok"),
                Value.of("EG001")), LOCATOR);

        assertThat(loaded.entries()).isEmpty();
        assertThat(loaded.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "infra/main.json:21:11: error: a suppression needs 'justification': say why the finding is acceptable",
                "infra/main.json:28:24: error: 'expires' must be a date as YYYY-MM-DD, not 'soon'",
                "error: 'rule' must be a literal string, but parameter 'rule' has no value (in the metadata of " + Fixtures.VMSS_ID + ")",
                "error: a suppression must be an object {rule, justification, expires} (in the metadata of " + Fixtures.VMSS_ID + ")");
    }

    @Test
    void aSuppressThatIsNotAListAndUnknownKeysAreErrors() {
        assertThat(InlineSuppressions.read(Fixtures.VMSS_ID, obj("egressGuard", obj("suppress", "EG001")), LOCATOR)
                .diagnostics()).extracting(Diagnostic::message).first().asString()
                .startsWith("'suppress' must be a list");
        assertThat(InlineSuppressions.read(Fixtures.VMSS_ID, obj("egressGuard", obj("supress", Value.Arr.EMPTY)), LOCATOR)
                .diagnostics()).extracting(Diagnostic::message).first().asString()
                .startsWith("unknown key 'supress' in metadata.egressGuard (did you mean 'suppress'?)");
        assertThat(InlineSuppressions.read(Fixtures.VMSS_ID, obj("egressGuard", "all"), LOCATOR)
                .diagnostics()).hasSize(1);
    }

    @Test
    void theMapFormOfTheApiReadsTheSameBlocks() {
        Suppressions.Result r = Suppressions.apply(java.util.List.of(Fixtures.publicIpOnWorkers()),
                Map.of(Fixtures.VMSS_ID, metadata(obj("rule", "EG001", "justification", "Bastion pool"))), null,
                LocalDate.of(2026, 11, 25));

        assertThat(r.findings().get(0).suppression().justification()).isEqualTo("Bastion pool");
        assertThat(r.diagnostics()).isEmpty();
    }
}
