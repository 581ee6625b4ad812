package dev.egressguard.core.rule;

import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mistake in a rule file is reported, all of them at once, as {@code file:line:col: error: what}. */
class RuleFileErrorsTest {

    private static List<String> errors(String text) {
        RuleSet set = RuleSetLoader.parse("bad.yaml", text);
        return set.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void reportsEveryProblemOfAFileWithItsPosition() {
        String text = """
                apiVersion: egressguard.dev/v1
                kind: RuleSet
                rules:
                  - id: 9lives
                    name: Not_Kebab
                    severity: fatal
                    helpUri: docs/rule.md
                    colour: red
                    select:
                      type: Microsoft.Network/virtualNetworks/subnets
                    assert:
                      field: properties.natGateway.id
                      equal: x
                  - id: R2
                    name: two-operators
                    severity: warning
                    select: {type: '*'}
                    assert:
                      field: sku.name
                      equals: Standard
                      in: [Standard]
                  - id: R3
                    name: bad-types
                    severity: note
                    select: {type: '*'}
                    assert:
                      allOf:
                        - {field: sku.name, exists: 'yes'}
                        - {field: sku.name, in: Standard}
                        - {field: sku.name, match: '(unclosed'}
                        - {field: 'a..b', equals: 1}
                        - {count: {field: properties.subnets}, greater: 0}
                        - {count: {field: 'properties.subnets[*]'}, like: 'x*'}
                    message: "{name} has {colour}"
                  - name: no-id
                    select: {type: '*'}
                """;
        assertThat(errors(text)).containsExactly(
                "bad.yaml:4:9: error: id '9lives' must start with a letter and hold only letters, digits, _ and -",
                "bad.yaml:5:11: error: name 'Not_Kebab' must be kebab-case, e.g. no-instance-public-ip",
                "bad.yaml:6:15: error: severity 'fatal' is not one of error, warning, note",
                "bad.yaml:7:14: error: helpUri 'docs/rule.md' must be an absolute http(s) link",
                "bad.yaml:8:5: error: unknown key 'colour' in a rule; allowed: id, name, title, severity, description, remediation, helpUri, tags, select, assert, message",
                "bad.yaml:12:7: error: 'field' needs one operator: equals, notEquals, in, notIn, exists, contains, notContains, startsWith, endsWith, like, notLike, match, greater, greaterOrEquals, less, lessOrEquals",
                "bad.yaml:13:7: error: unknown key 'equal' in a condition with 'field' (did you mean 'equals'?)",
                "bad.yaml:21:7: error: two operators in one condition: 'equals' and 'in'; use allOf to require both",
                "bad.yaml:28:37: error: exists must be true or false, not the text 'yes'",
                "bad.yaml:29:33: error: in takes a list of values, e.g. [Standard, Premium], not the text 'Standard'",
                "bad.yaml:30:36: error: match: '(unclosed' is not a valid regular expression: Unclosed group near index 9",
                "bad.yaml:31:22: error: field: empty key at position 3 in 'a..b'",
                "bad.yaml:32:27: error: count field 'properties.subnets' has no [*]: name the list to count, e.g. properties.subnets[*]",
                "bad.yaml:33:59: error: count compares a number; 'like' is not one of equals, notEquals, in, notIn, greater, greaterOrEquals, less, lessOrEquals",
                "bad.yaml:34:14: error: message: unknown placeholder {colour}; known: " + KNOWN_PLACEHOLDERS,
                "bad.yaml:35:5: error: rule is missing 'id'",
                "bad.yaml:35:5: error: rule is missing 'severity'",
                "bad.yaml:35:5: error: rule is missing 'assert'");
    }

    @Test
    void aBadRuleIsLeftOutAndTheOthersLoad() {
        RuleSet set = RuleSetLoader.parse("mixed.yaml", RuleFiles.HEADER + """
                  - {id: GOOD, name: good, severity: note, select: {type: '*'}, assert: {field: name, exists: true}}
                  - {id: BAD, name: bad, severity: note, select: {type: '*'}, assert: {field: name, exist: true}}
                """);
        assertThat(set.rules()).extracting(Rule::id).containsExactly("GOOD");
        assertThat(set.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "mixed.yaml:5:71: error: 'field' needs one operator: equals, notEquals, in, notIn, exists, contains, notContains, startsWith, endsWith, like, notLike, match, greater, greaterOrEquals, less, lessOrEquals",
                "mixed.yaml:5:85: error: unknown key 'exist' in a condition with 'field' (did you mean 'exists'?)");
    }

    @Test
    void headerMistakes() {
        assertThat(errors("apiVersion: egressguard.dev/v2\nkind: Rules\nrulez: []\n")).containsExactly(
                "bad.yaml:1:1: error: missing key 'rules': the list of rules",
                "bad.yaml:1:13: error: apiVersion must be 'egressguard.dev/v1', not 'egressguard.dev/v2'",
                "bad.yaml:2:7: error: kind must be 'RuleSet', not 'Rules'",
                "bad.yaml:3:1: error: unknown key 'rulez' in a rule file (did you mean 'rules'?)");
        assertThat(errors("- just a list\n")).containsExactly(
                "bad.yaml:1:1: error: a rule file must be a mapping (key: value lines), not a list");
    }

    @Test
    void conditionShapeMistakes() {
        assertThat(errors(RuleFiles.oneRule("'*'", "equals: 1"))).containsExactly(
                "bad.yaml:10:7: error: an operator needs something to test: add field, value, setting or count");
        assertThat(errors(RuleFiles.oneRule("'*'", "foo: 1"))).containsExactly(
                "bad.yaml:10:7: error: unknown key 'foo' in a condition (did you mean 'not'?)",
                "bad.yaml:10:7: error: a condition needs one of field, value, setting, count, allOf, anyOf, not, ref, referencedBy, parent");
        assertThat(errors(RuleFiles.oneRule("'*'", "field: a\nvalue: 1\nequals: 1"))).containsExactly(
                "bad.yaml:11:7: error: 'field' and 'value' in one condition; combine conditions with allOf or anyOf");
        assertThat(errors(RuleFiles.oneRule("'*'", "allOf: []"))).containsExactly(
                "bad.yaml:10:14: error: allOf needs at least one condition");
        assertThat(errors(RuleFiles.oneRule("'*'", "ref: properties.subnet.id\nmatch: some\nequals: 1"))).containsExactly(
                "bad.yaml:11:14: error: match must be 'any' or 'all', not 'some'",
                "bad.yaml:12:7: error: unknown key 'equals' in a ref step; allowed: ref, type, match, assert");
        assertThat(errors(RuleFiles.oneRule("'*'", "referencedBy: {type: 'Microsoft Network', wher: {field: a, exists: true}}"))).containsExactly(
                "bad.yaml:10:28: error: type: 'Microsoft Network' is not a resource type such as Microsoft.Network/virtualNetworks",
                "bad.yaml:10:49: error: unknown key 'wher' in referencedBy (did you mean 'where'?)");
        assertThat(errors(RuleFiles.oneRule("'*'", "not: [a]"))).containsExactly(
                "bad.yaml:10:12: error: a condition must be a mapping (key: value lines), not a list");
    }

    @Test
    void aTypeWithoutItsProviderNamespaceIsAWarningAtItsPositionAndTheRuleStillLoads() {
        RuleSet set = RuleSetLoader.parse("bad.yaml", RuleFiles.HEADER + """
                  - id: W1
                    name: subnets-of-vnets
                    severity: note
                    select:
                      type: [Microsoft.Network/virtualNetworks/subnets, virtualNetworks, "Microsoft.Network/*"]
                    assert:
                      ref: properties.natGateway.id
                      type: natGateways
                """);
        assertThat(set.rules()).hasSize(1);
        assertThat(set.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "bad.yaml:8:57: warning: select type: 'virtualNetworks' has no provider namespace, so it never matches a"
                        + " resource; write the full type, such as Microsoft.Network/virtualNetworks",
                "bad.yaml:11:13: warning: type: 'natGateways' has no provider namespace, so it never matches a"
                        + " resource; write the full type, such as Microsoft.Network/virtualNetworks");
    }

    @Test
    void pathMistakesPointIntoTheText() {
        assertThat(errors(RuleFiles.oneRule("'*'", "field: properties..natGateway\nexists: true"))).containsExactly(
                "bad.yaml:10:25: error: field: empty key at position 12 in 'properties..natGateway'");
        assertThat(errors(RuleFiles.oneRule("'*'", "field: \"zones[x]\"\nexists: true"))).containsExactly(
                "bad.yaml:10:20: error: field: '[x]' in 'zones[x]' is neither [n] nor [*]");
        assertThat(errors(RuleFiles.oneRule("'*'", "field: >-\n  a..b\nexists: true"))).containsExactly(
                "bad.yaml:10:14: error: field: empty key at position 3 in 'a..b'");
    }

    @Test
    void duplicateIdsAcrossFilesNameBothPlaces() {
        String rule = "  - {id: EG100, name: first, severity: note, select: {type: '*'}, assert: {field: name, exists: true}}\n";
        RuleSet set = new RuleSetLoader().addText("a.yaml", RuleFiles.HEADER + rule)
                .addText("b.yaml", RuleFiles.HEADER + "\n" + rule.replace("EG100", "eg100")).load();
        assertThat(set.rules()).hasSize(1);
        assertThat(set.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "b.yaml:5:10: error: duplicate rule id 'eg100': already defined at a.yaml:4:10");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(errors(RuleFiles.HEADER + """
                  - id: A
                    id: B
                """)).containsExactly("bad.yaml:5:5: error: duplicate key 'id' (first at line 4)");
    }

    private static final String KNOWN_PLACEHOLDERS = "{name} {type} {id} {path} {value} {reason} {kind} {subject} "
            + "{parent} {parent.kind} {parent.type} {parent.id} {parent.subject} {owner} {owner.kind} {owner.type} "
            + "{owner.id} {owner.subject} {target} {target.kind} {target.type} {target.id} {target.subject} {target.parent}";
}
