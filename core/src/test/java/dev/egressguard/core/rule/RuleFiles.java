package dev.egressguard.core.rule;

/** Rule file text for tests: a header plus rules written at the indentation of the rules list. */
public final class RuleFiles {

    private RuleFiles() {
    }

    public static final String HEADER = "apiVersion: egressguard.dev/v1\nkind: RuleSet\nrules:\n";

    /** A rule file with one rule: id T1 selecting {@code type} and asserting {@code assertYaml} (indented by 6). */
    public static String oneRule(String type, String assertYaml) {
        return HEADER
                + "  - id: T1\n"
                + "    name: test-rule\n"
                + "    severity: error\n"
                + "    select:\n"
                + "      type: " + type + "\n"
                + "    assert:\n"
                + indent(assertYaml, 6)
                + "    message: \"{name}: {reason}\"\n";
    }

    public static String indent(String yaml, int spaces) {
        StringBuilder sb = new StringBuilder();
        for (String line : yaml.split("\n")) {
            sb.append(" ".repeat(spaces)).append(line).append('\n');
        }
        return sb.toString();
    }
}
