package dev.egressguard.core.rule;

import dev.egressguard.core.rule.condition.ConditionParser;
import dev.egressguard.core.rule.condition.MessageTemplate;
import dev.egressguard.core.rule.condition.Nodes;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.rule.condition.Condition;
import dev.egressguard.core.rule.condition.TypePattern;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SafeYamlReader;
import dev.egressguard.core.source.SourceLocation;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles one rule file ({@code apiVersion: egressguard.dev/v1}, {@code kind: RuleSet},
 * {@code rules: [...]}) into rules, reporting every problem of the file with its position.
 * A rule with a problem is left out; the file's other rules still load.
 */
final class RuleFileParser {

    static final String API_VERSION = "egressguard.dev/v1";
    static final String KIND = "RuleSet";
    static final List<String> FILE_KEYS = List.of("apiVersion", "kind", "rules");
    static final List<String> RULE_KEYS = List.of("id", "name", "title", "severity", "description", "remediation",
            "helpUri", "tags", "select", "assert", "message");
    private static final List<String> REQUIRED = List.of("id", "name", "severity", "select", "assert");
    private static final List<String> SELECT_KEYS = List.of("type", "where");

    /** The rules of one file and its problems. */
    record Parsed(List<Rule> rules, List<Diagnostic> diagnostics, List<SourceLocation> idLocations) {
        Parsed {
            rules = List.copyOf(rules);
            diagnostics = List.copyOf(diagnostics);
            idLocations = List.copyOf(idLocations);
        }
    }

    private final Nodes nodes;
    private final ConditionParser conditions;
    private final String[] lines;

    private RuleFileParser(String file, String text) {
        this.nodes = new Nodes(file);
        this.conditions = new ConditionParser(nodes);
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    static Parsed parse(String file, String text) {
        return parse(file, text, null);
    }

    /** As {@link #parse(String, String)}, from the text's prepared tree when not {@code null} (see {@link SafeYaml#read}). */
    static Parsed parse(String file, String text, SafeYamlReader.Composed prepared) {
        SafeYaml.Document doc = SafeYaml.read(file, text, prepared);
        if (doc.root() == null || !doc.errors().isEmpty()) {
            return new Parsed(List.of(), doc.errors(), List.of());
        }
        return new RuleFileParser(file, text).file(doc.root());
    }

    private Parsed file(Node root) {
        List<Rule> rules = new ArrayList<>();
        List<SourceLocation> ids = new ArrayList<>();
        Optional<Map<String, NodeTuple>> m = nodes.plainText(root, "the rule file") ? Optional.empty()
                : nodes.mapping(root, "a rule file");
        if (m.isPresent()) {
            Map<String, NodeTuple> entries = m.get();
            nodes.unknownKeys(entries, FILE_KEYS, "a rule file");
            expect(root, entries, "apiVersion", API_VERSION);
            expect(root, entries, "kind", KIND);
            NodeTuple list = entries.get("rules");
            if (list == null) {
                nodes.error(root, "missing key 'rules': the list of rules");
            } else {
                nodes.sequence(list.getValueNode(), "rules").ifPresent(items -> {
                    for (Node item : items) {
                        Rule r = rule(item);
                        if (r != null) {
                            rules.add(r);
                            ids.add(nodes.at(((org.yaml.snakeyaml.nodes.MappingNode) item).getValue().stream()
                                    .filter(t -> "id".equals(((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue()))
                                    .findFirst().orElseThrow().getValueNode()));
                        }
                    }
                });
            }
        }
        return new Parsed(rules, nodes.sortedDiagnostics(), ids);
    }

    private void expect(Node root, Map<String, NodeTuple> entries, String key, String expected) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            nodes.error(root, "missing key '" + key + "' (" + key + ": " + expected + ")");
            return;
        }
        nodes.string(t.getValueNode(), key).filter(v -> !v.equals(expected))
                .ifPresent(v -> nodes.error(t.getValueNode(), key + " must be '" + expected + "', not '" + v + "'"));
    }

    private Rule rule(Node node) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(node, "a rule");
        if (m.isEmpty()) {
            return null;
        }
        int before = nodes.errors().size();
        Map<String, NodeTuple> e = m.get();
        nodes.unknownKeys(e, RULE_KEYS, "a rule");
        for (String key : REQUIRED) {
            if (!e.containsKey(key)) {
                nodes.error(node, "rule " + label(e) + "is missing '" + key + "'");
            }
        }
        String id = text(e, "id").orElse(null);
        if (id != null && !id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            nodes.error(e.get("id").getValueNode(), "id '" + id + "' must start with a letter and hold only letters, digits, _ and -");
        }
        String name = text(e, "name").orElse(null);
        if (name != null && !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            nodes.error(e.get("name").getValueNode(), "name '" + name + "' must be kebab-case, e.g. no-instance-public-ip");
        }
        Severity severity = text(e, "severity").map(s -> {
            Severity parsed = Severity.parse(s);
            if (parsed == null || !s.equals(parsed.id())) {
                nodes.error(e.get("severity").getValueNode(), "severity '" + s + "' is not one of error, warning, note");
            }
            return parsed;
        }).orElse(null);
        String helpUri = text(e, "helpUri").orElse(null);
        if (helpUri != null && !isWebLink(helpUri)) {
            nodes.error(e.get("helpUri").getValueNode(), "helpUri '" + helpUri + "' must be an absolute http(s) link");
        }
        List<String> tags = e.containsKey("tags")
                ? nodes.sequence(e.get("tags").getValueNode(), "tags").map(this::tags).orElse(List.of()) : List.of();
        String title = text(e, "title").orElse(null);
        String description = text(e, "description").orElse(null);
        String remediation = text(e, "remediation").orElse(null);
        MessageTemplate message = e.containsKey("message") ? message(e.get("message").getValueNode()) : null;
        Selection select = e.containsKey("select") ? select(e.get("select").getValueNode()) : null;
        Condition assertion = e.containsKey("assert") ? conditions.parse(e.get("assert").getValueNode()) : null;
        if (nodes.errors().size() > before || select == null || assertion == null) {
            return null;
        }
        RuleDescriptor descriptor = new RuleDescriptor(id, name, title, description, severity, remediation, helpUri, tags);
        return new Rule(descriptor, select.types(), select.where(), assertion, message, nodes.at(node), sourceText(node));
    }

    private record Selection(TypePattern types, Condition where) {
    }

    private Selection select(Node node) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(node, "select");
        if (m.isEmpty()) {
            return null;
        }
        nodes.unknownKeys(m.get(), SELECT_KEYS, "select");
        NodeTuple type = m.get().get("type");
        if (type == null) {
            nodes.error(node, "select is missing 'type' (a resource type, a list of them, or '*')");
        }
        TypePattern types = type == null ? null : conditions.types(type.getValueNode(), "select type");
        NodeTuple where = m.get().get("where");
        Condition whereCondition = where == null ? null : conditions.parse(where.getValueNode());
        if (types == null || (where != null && whereCondition == null)) {
            return null;
        }
        return new Selection(types, whereCondition);
    }

    private MessageTemplate message(Node node) {
        Optional<String> text = nodes.string(node, "message");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return MessageTemplate.parse(text.get());
        } catch (IllegalArgumentException ex) {
            nodes.error(node, "message: " + ex.getMessage());
            return null;
        }
    }

    private List<String> tags(List<Node> items) {
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            nodes.string(item, "each tag").ifPresent(out::add);
        }
        return out;
    }

    private Optional<String> text(Map<String, NodeTuple> e, String key) {
        NodeTuple t = e.get(key);
        return t == null ? Optional.empty() : nodes.string(t.getValueNode(), key);
    }

    private static String label(Map<String, NodeTuple> e) {
        NodeTuple id = e.get("id");
        return id != null && id.getValueNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue() + " " : "";
    }

    private static boolean isWebLink(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The rule's own lines of the file, de-indented, for {@code egress rules show}. */
    private String sourceText(Node node) {
        int first = node.getStartMark().getLine();
        int indent = node.getStartMark().getColumn();
        int end = Math.min(node.getEndMark().getLine(), lines.length - 1);
        if (node.getEndMark().getColumn() > 0 && !lines[end].substring(0, Math.min(node.getEndMark().getColumn(),
                lines[end].length())).isBlank()) {
            end++;
        }
        List<String> out = new ArrayList<>();
        for (int i = first; i < Math.min(end, lines.length); i++) {
            String line = lines[i];
            if (i == first) {
                line = " ".repeat(Math.min(indent, line.length())) + line.substring(Math.min(indent, line.length()));
            }
            out.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip());
        }
        // The node ends where the next rule starts: drop the blank and comment lines in between.
        while (!out.isEmpty() && (out.get(out.size() - 1).isBlank() || out.get(out.size() - 1).strip().startsWith("#"))) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out) + "\n";
    }
}
