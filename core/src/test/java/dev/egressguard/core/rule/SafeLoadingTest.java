package dev.egressguard.core.rule;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile rule files are refused with a clear message and nothing in them runs. */
class SafeLoadingTest {

    /** Set by the class below if SnakeYAML ever constructed it. */
    static volatile boolean constructed;

    public static final class Payload {
        public Payload() {
            constructed = true;
        }
    }

    private static List<String> errors(String text) {
        return RuleSetLoader.parse("evil.yaml", text).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void globalTagsThatWouldBuildObjectsAreRefusedAndNothingRuns() {
        String text = RuleFiles.HEADER + """
                  - id: X
                    name: x
                    severity: error
                    select: {type: '*'}
                    assert: {value: !!dev.egressguard.core.rule.SafeLoadingTest$Payload [], equals: 1}
                    message: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
                """;
        RuleSet set = RuleSetLoader.parse("evil.yaml", text);
        assertThat(constructed).isFalse();
        assertThat(set.rules()).isEmpty();
        assertThat(set.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "evil.yaml:8:21: error: the tag !!dev.egressguard.core.rule.SafeLoadingTest$Payload is not allowed: "
                        + "rule files hold plain maps, lists and scalars, and nothing in them is ever run",
                "evil.yaml:9:14: error: the tag !!javax.script.ScriptEngineManager is not allowed: "
                        + "rule files hold plain maps, lists and scalars, and nothing in them is ever run");
    }

    @Test
    void localTagsAndSetsAreRefusedToo() {
        assertThat(errors(RuleFiles.HEADER + "  - !custom {id: X}\n  - !!set {a, b}\n")).containsExactly(
                "evil.yaml:4:5: error: the tag !custom is not allowed: rule files hold plain maps, lists and scalars, and nothing in them is ever run",
                "evil.yaml:5:5: error: the tag !!set is not allowed: rule files hold plain maps, lists and scalars, and nothing in them is ever run");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefused() {
        String text = """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                rules: *i
                """;
        // Where the composer stopped: SafeYaml reports the place of the last event it read.
        assertThat(errors(text)).containsExactly("evil.yaml:6:14: error: too many aliases (at most " + SafeYaml.MAX_ALIASES
                + " aliases to lists or maps; a 'billion laughs' file is refused)");
    }

    @Test
    void deepNestingIsRefused() {
        String text = RuleFiles.HEADER + "  - " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(errors(text)).singleElement().asString().contains("nested too deeply");
    }

    @Test
    void tabsAreReportedOnEveryLine() {
        String text = RuleFiles.HEADER + "  - id: X\n\t name: x\n  \tseverity: error\n    title: \"a\ttab inside text is fine\"\n";
        assertThat(errors(text)).containsExactly(
                "evil.yaml:5:1: error: a tab indents this line; YAML indentation must use spaces",
                "evil.yaml:6:3: error: a tab indents this line; YAML indentation must use spaces");
    }

    @Test
    void syntaxErrorsHaveAPosition() {
        assertThat(errors(RuleFiles.HEADER + "  - id: [unclosed\n")).singleElement().asString()
                .startsWith("evil.yaml:5:1: error: not valid YAML: while parsing a flow sequence");
    }

    @Test
    void emptyFilesAndSeveralDocumentsAreErrors() {
        assertThat(errors("")).containsExactly("evil.yaml: error: the file is empty");
        assertThat(errors("# only a comment\n")).containsExactly("evil.yaml: error: the file is empty");
        assertThat(errors(RuleFiles.HEADER + "---\n" + RuleFiles.HEADER)).singleElement().asString()
                .startsWith("evil.yaml:4:1: error: not valid YAML: expected a single document in the stream");
    }

    @Test
    void mergeKeysAreRefused() {
        assertThat(errors(RuleFiles.HEADER + "  - &base {id: A}\n  - <<: *base\n    name: b\n")).containsExactly(
                "evil.yaml:5:5: error: merge keys (<<) are not supported in rule files");
    }

    @Test
    void yesAndNoStayText() {
        RuleSet set = RuleSetLoader.parse("t.yaml", RuleFiles.oneRule("'*'", "field: name\nin: [yes, no, on, off]"));
        assertThat(set.diagnostics()).isEmpty();
        Resource r = Resources.resource("Microsoft.Network/virtualNetworks/no", "{}");
        assertThat(ConditionsFixture.eval("field: name\nin: [yes, no, on, off]", r).isTrue()).isTrue();
    }

    @Test
    @Timeout(20)
    void catastrophicRegexIsBoundedAndUnknownNamingTheRule() {
        String rules = RuleFiles.HEADER + """
                  - id: REDOS
                    name: redos
                    severity: warning
                    select: {type: '*'}
                    assert: {field: properties.label, match: '^(a+)+$'}
                """;
        RuleSet set = RuleSetLoader.parse("redos.yaml", rules);
        assertThat(set.diagnostics()).isEmpty();
        Resource r = Resources.resource("Microsoft.Network/publicIPAddresses/pip",
                "{'properties': {'label': '" + "a".repeat(5000) + "!'}}");
        RuleEngine.Result result = new RuleEngine(set.rules(), RuleEngine.Options.DEFAULT).evaluate(ResourceGraph.of(List.of(r)));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REDOS");
            assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(f.message()).contains("pattern '^(a+)+$' gave up after 1000000 steps on the 5001 characters of properties.label");
        });
    }

    @Test
    void aSafePatternOnALongValueStillMatches() {
        Resource r = Resources.resource("Microsoft.Network/publicIPAddresses/pip",
                "{'properties': {'label': '" + "a".repeat(100_000) + "'}}");
        assertThat(ConditionsFixture.eval("field: properties.label\nmatch: 'a{100000}'", r).isTrue()).isTrue();
        assertThat(List.<Finding>of()).isEmpty();
    }
}
