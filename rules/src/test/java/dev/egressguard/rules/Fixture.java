package dev.egressguard.rules;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.Diagnostic;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture template ({@code src/test/resources/rule-tests/tests/<rule>-<name>/template.json}) run through the whole
 * pipeline, seen through one rule: its findings and evaluations as {@code "FAIL vnet/default"},
 * the resource named by the names of its id ({@code web1-nic/ipconfig1}), so that children of
 * different parents are told apart.
 */
final class Fixture {

    private final String rule;
    private final Pipeline.Run run;

    private Fixture(String rule, Pipeline.Run run) {
        this.rule = rule;
        this.run = run;
    }

    static Fixture run(String rule, String file) {
        return run(rule, file, Map.of());
    }

    static Fixture run(String rule, String file, Map<String, String> settings) {
        Path template = path(rule + "/" + file);
        Fixture f = new Fixture(rule, Pipeline.run(template, settings));
        assertThat(f.run.diagnostics()).as("a fixture is a valid template")
                .noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
        return f;
    }

    /** The rule's findings, {@code "FAIL vnet/default"} or {@code "UNKNOWN nic/ipconfig1"}. */
    List<String> findings() {
        return run.findings(rule).stream().map(f -> f.outcome() + " " + display(f.resourceId())).toList();
    }

    /** Every evaluation of the rule, PASS included: what the rule considered a subject. */
    List<String> evaluations() {
        return run.result().evaluations().stream().filter(e -> e.ruleId().equals(rule))
                .map(e -> e.outcome() + " " + display(e.resourceId())).toList();
    }

    List<Finding> findingsOf(Outcome outcome) {
        return run.findings(rule).stream().filter(f -> f.outcome() == outcome).toList();
    }

    /** The findings of another rule on the same template. */
    Fixture as(String otherRule) {
        return new Fixture(otherRule, run);
    }

    static String display(String id) {
        return ResourceId.parse(id).map(r -> String.join("/", r.names())).orElse(id);
    }

    /**
     * {@code EG002/pass-x.json} is the template of the rule-test case {@code EG002-pass-x}
     * ({@link BuiltInRuleTestsTest} checks its expected.yaml).
     */
    static Path path(String fixture) {
        String caseName = fixture.replace('/', '-').replaceFirst("\\.json$", "");
        String resource = "/" + BuiltInRuleTestsTest.TESTS + "/" + caseName + "/template.json";
        try {
            return Path.of(Fixture.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + fixture + " (" + resource + ")", e);
        }
    }
}
