package dev.egressguard.core.ruletest;

import dev.egressguard.core.rule.condition.Nodes;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.source.JsonPointers;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.rule.SafeYaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A rule test's {@code expected.yaml}: the findings a fixture must produce, nothing more and
 * nothing less. Three forms: {@code none} (the fixture passes every rule), a list of findings,
 * or a mapping {@code {rules: [ids], findings: list | none}} that compares only those rules.
 */
record ExpectedFindings(List<String> rules, List<Expected> findings) {

    private static final List<String> FILE_KEYS = List.of("rules", "findings");
    private static final List<String> ENTRY_KEYS = List.of("rule", "outcome", "resource", "path", "message");

    public ExpectedFindings {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    /** One expected finding; {@code path} and {@code message} (a part of it) are optional. */
    public record Expected(String rule, Outcome outcome, String resource, String path, String message,
                           SourceLocation location) {

        public boolean matches(Finding f) {
            return f.ruleId().equalsIgnoreCase(rule) || f.ruleName().equalsIgnoreCase(rule)
                    ? f.outcome() == outcome && resourceMatches(f) && pathMatches(f) && messageMatches(f)
                    : false;
        }

        private boolean resourceMatches(Finding f) {
            String r = resource.toLowerCase(Locale.ROOT);
            String id = f.resourceId().toLowerCase(Locale.ROOT);
            return f.resourceName().equalsIgnoreCase(resource) || id.equals(r) || id.endsWith("/" + r);
        }

        private boolean pathMatches(Finding f) {
            return path == null || f.path().equalsIgnoreCase(path) || JsonPointers.dotted(f.path()).equalsIgnoreCase(path);
        }

        private boolean messageMatches(Finding f) {
            return message == null || f.message().toLowerCase(Locale.ROOT).contains(message.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return rule + " " + outcome + " " + resource + (path == null ? "" : " at " + path)
                    + (message == null ? "" : " with message containing '" + message + "'");
        }
    }

    /** Whether a finding of {@code ruleId} is compared at all. */
    public boolean covers(Finding f) {
        return rules.isEmpty() || rules.stream().anyMatch(r -> r.equalsIgnoreCase(f.ruleId()) || r.equalsIgnoreCase(f.ruleName()));
    }

    /** The result of reading an expected file: the expectations, or the problems with it. */
    public record Parsed(ExpectedFindings expected, List<Diagnostic> diagnostics) {
    }

    public static Parsed parse(String file, String text) {
        SafeYaml.Document doc = SafeYaml.read(file, text);
        if (!doc.ok()) {
            return new Parsed(null, doc.errors());
        }
        Nodes nodes = new Nodes(file);
        List<String> rules = new ArrayList<>();
        Node findings = doc.root();
        if (doc.root() instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, NodeTuple> entries = nodes.mapping(doc.root(), "expected.yaml").orElseThrow();
            nodes.unknownKeys(entries, FILE_KEYS, "expected.yaml");
            if (entries.containsKey("rules")) {
                nodes.strings(entries.get("rules").getValueNode(), "rules").ifPresent(rules::addAll);
            }
            findings = entries.containsKey("findings") ? entries.get("findings").getValueNode() : null;
            if (findings == null) {
                nodes.error(doc.root(), "missing key 'findings': a list of findings, or none");
            }
        }
        if (findings == doc.root() && !isNone(findings) && nodes.plainText(findings, "expected.yaml")) {
            findings = null;
        }
        List<Expected> expected = new ArrayList<>();
        if (findings != null && !isNone(findings)) {
            nodes.sequence(findings, "findings (a list, or none)").ifPresent(items -> {
                for (Node item : items) {
                    entry(nodes, item).ifPresent(expected::add);
                }
            });
        }
        return nodes.errors().isEmpty() ? new Parsed(new ExpectedFindings(rules, expected), List.of())
                : new Parsed(null, nodes.sortedErrors());
    }

    private static boolean isNone(Node node) {
        return node instanceof ScalarNode s && (s.getValue().equalsIgnoreCase("none") || s.getValue().equals("[]"));
    }

    private static Optional<Expected> entry(Nodes nodes, Node item) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(item, "an expected finding");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> e = m.get();
        int before = nodes.errors().size();
        nodes.unknownKeys(e, ENTRY_KEYS, "an expected finding");
        for (String key : List.of("rule", "resource")) {
            if (!e.containsKey(key)) {
                nodes.error(item, "an expected finding needs '" + key + "'");
            }
        }
        Optional<String> rule = text(nodes, e, "rule");
        Optional<String> resource = text(nodes, e, "resource");
        Optional<String> outcomeText = text(nodes, e, "outcome");
        Outcome outcome = Outcome.FAIL;
        if (outcomeText.isPresent()) {
            String o = outcomeText.get().toUpperCase(Locale.ROOT);
            if (!o.equals("FAIL") && !o.equals("UNKNOWN")) {
                nodes.error(e.get("outcome").getValueNode(), "outcome must be FAIL or UNKNOWN (a passing fixture expects none)");
            } else {
                outcome = Outcome.valueOf(o);
            }
        }
        String path = text(nodes, e, "path").orElse(null);
        String message = text(nodes, e, "message").orElse(null);
        if (nodes.errors().size() > before || rule.isEmpty() || resource.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Expected(rule.get(), outcome, resource.get(), path, message, nodes.at(item)));
    }

    private static Optional<String> text(Nodes nodes, Map<String, NodeTuple> e, String key) {
        NodeTuple t = e.get(key);
        return t == null ? Optional.empty() : nodes.string(t.getValueNode(), key);
    }
}
