package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the condition mappings of a rule file ({@code field} + operator, {@code count},
 * {@code allOf}/{@code anyOf}/{@code not}, the graph steps) and reports every mistake with its
 * position. A condition with a mistake compiles to {@code null}; its parent then does too, but
 * parsing goes on so that one run lists all problems.
 */
public final class ConditionParser {

    static final List<String> SUBJECTS = List.of("field", "value", "setting", "count", "allOf", "anyOf", "not",
            "ref", "referencedBy", "parent");
    private static final List<String> OPERAND_SUBJECTS = List.of("field", "value", "setting", "count");
    private static final List<String> REF_KEYS = List.of("ref", "type", "match", "assert");
    private static final List<String> REFERENCED_BY_KEYS = List.of("type", "via", "where");
    private static final List<String> COUNT_KEYS = List.of("field", "where");
    /** The key any condition may carry: the reason to give when it is FALSE or UNKNOWN. */
    static final String BECAUSE = "because";

    private final Nodes nodes;
    private final OperatorParser operators;

    public ConditionParser(Nodes nodes) {
        this.nodes = nodes;
        this.operators = new OperatorParser(nodes);
    }

    public Condition parse(Node node) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(node, "a condition");
        if (m.isEmpty()) {
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>(m.get());
        NodeTuple because = entries.remove(BECAUSE);
        Condition condition = parse(node, entries);
        if (because == null) {
            return condition;
        }
        MessageTemplate text = because(because.getValueNode());
        return condition == null || text == null ? null : new Explained(condition, text);
    }

    private MessageTemplate because(Node node) {
        Optional<String> text = nodes.string(node, BECAUSE);
        if (text.isEmpty()) {
            return null;
        }
        if (text.get().isBlank()) {
            nodes.error(node, "because: the text is empty; say why the condition fails, e.g. \"{subject} has no NAT gateway\"");
            return null;
        }
        try {
            return MessageTemplate.parse(text.get());
        } catch (IllegalArgumentException ex) {
            nodes.error(node, BECAUSE + ": " + ex.getMessage());
            return null;
        }
    }

    private Condition parse(Node node, Map<String, NodeTuple> entries) {
        List<String> subjects = entries.keySet().stream().filter(SUBJECTS::contains).toList();
        if (subjects.isEmpty()) {
            boolean hasOperator = entries.keySet().stream().anyMatch(OperatorParser.NAMES::contains);
            nodes.unknownKeys(entries, allKeys(), "a condition");
            nodes.error(node, hasOperator
                    ? "an operator needs something to test: add field, value, setting or count"
                    : "a condition needs one of " + String.join(", ", SUBJECTS));
            return null;
        }
        if (subjects.size() > 1) {
            nodes.error(entries.get(subjects.get(1)).getKeyNode(), "'" + subjects.get(0) + "' and '" + subjects.get(1)
                    + "' in one condition; combine conditions with allOf or anyOf");
            return null;
        }
        String subject = subjects.get(0);
        Node value = entries.get(subject).getValueNode();
        if (OPERAND_SUBJECTS.contains(subject)) {
            return operand(subject, node, entries);
        }
        if (subject.equals("ref")) {
            nodes.unknownKeys(entries, REF_KEYS, "a ref step");
            return ref(entries);
        }
        List<String> only = List.of(subject);
        nodes.unknownKeys(entries, only, "a condition with '" + subject + "'");
        return switch (subject) {
            case "allOf", "anyOf" -> list(subject, value);
            case "not" -> notOf(value);
            case "parent" -> {
                Condition inner = parse(value);
                yield inner == null ? null : new ParentStep(inner);
            }
            default -> referencedBy(value);
        };
    }

    private static List<String> allKeys() {
        List<String> all = new ArrayList<>(SUBJECTS);
        all.addAll(OperatorParser.NAMES);
        all.add(BECAUSE);
        return all;
    }

    private Condition operand(String subject, Node node, Map<String, NodeTuple> entries) {
        List<String> allowed = new ArrayList<>(OperatorParser.NAMES);
        allowed.add(subject);
        nodes.unknownKeys(entries, allowed, "a condition with '" + subject + "'");
        List<String> ops = entries.keySet().stream().filter(OperatorParser.NAMES::contains).toList();
        if (ops.isEmpty()) {
            nodes.error(node, "'" + subject + "' needs one operator: " + String.join(", ", OperatorParser.NAMES));
        } else if (ops.size() > 1) {
            nodes.error(entries.get(ops.get(1)).getKeyNode(), "two operators in one condition: '" + ops.get(0)
                    + "' and '" + ops.get(1) + "'; use allOf to require both");
        }
        Node subjectNode = entries.get(subject).getValueNode();
        boolean isCount = subject.equals("count");
        Operator op = ops.size() == 1
                ? operators.parse(ops.get(0), entries.get(ops.get(0)).getValueNode(), isCount) : null;
        switch (subject) {
            case "field" -> {
                FieldPath path = path(subjectNode, "field");
                return path == null || op == null ? null : new FieldCondition(path, op);
            }
            case "value" -> {
                Optional<Value> literal = nodes.literal(subjectNode, "value");
                return literal.isEmpty() || op == null ? null : new ValueCondition(literal.get(), op);
            }
            case "setting" -> {
                Optional<String> name = nodes.string(subjectNode, "setting");
                if (name.isPresent() && !name.get().matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                    nodes.error(subjectNode, "setting '" + name.get() + "' is not a setting name (letters, digits, _ . -)");
                    return null;
                }
                return name.isEmpty() || op == null ? null : new SettingCondition(name.get(), op);
            }
            default -> {
                return count(subjectNode, op);
            }
        }
    }

    private Condition count(Node node, Operator op) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(node, "count");
        if (m.isEmpty()) {
            return null;
        }
        nodes.unknownKeys(m.get(), COUNT_KEYS, "count");
        NodeTuple field = m.get().get("field");
        if (field == null) {
            nodes.error(node, "count needs 'field', a path with [*]");
            return null;
        }
        FieldPath path = path(field.getValueNode(), "count field");
        if (path != null && !path.hasWildcard()) {
            nodes.error(field.getValueNode(), "count field '" + path + "' has no [*]: name the list to count, e.g. properties.subnets[*]");
            path = null;
        }
        NodeTuple where = m.get().get("where");
        Condition whereCondition = where == null ? null : parse(where.getValueNode());
        boolean whereOk = where == null || whereCondition != null;
        return path == null || op == null || !whereOk ? null : new CountCondition(path, whereCondition, op);
    }

    private Condition list(String subject, Node node) {
        Optional<List<Node>> items = nodes.sequence(node, subject);
        if (items.isEmpty()) {
            return null;
        }
        if (items.get().isEmpty()) {
            nodes.error(node, subject + " needs at least one condition");
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        boolean ok = true;
        for (Node item : items.get()) {
            Condition c = parse(item);
            ok &= c != null;
            parts.add(c);
        }
        if (!ok) {
            return null;
        }
        return subject.equals("allOf") ? new Condition.AllOf(parts) : new Condition.AnyOf(parts);
    }

    private Condition notOf(Node node) {
        Condition inner = parse(node);
        return inner == null ? null : new Condition.Not(inner);
    }

    private Condition ref(Map<String, NodeTuple> entries) {
        boolean ok = true;
        FieldPath path = path(entries.get("ref").getValueNode(), "ref");
        ok &= path != null;
        TypePattern type = null;
        if (entries.containsKey("type")) {
            type = types(entries.get("type").getValueNode(), "type");
            ok &= type != null;
        }
        boolean any = false;
        if (entries.containsKey("match")) {
            Node match = entries.get("match").getValueNode();
            Optional<String> m = nodes.string(match, "match");
            if (m.isPresent() && !m.get().equals("any") && !m.get().equals("all")) {
                nodes.error(match, "match must be 'any' or 'all', not '" + m.get() + "'");
                ok = false;
            }
            ok &= m.isPresent();
            any = m.map("any"::equals).orElse(false);
        }
        Condition assertion = null;
        if (entries.containsKey("assert")) {
            assertion = parse(entries.get("assert").getValueNode());
            ok &= assertion != null;
        }
        return ok ? new RefStep(path, type, any, assertion) : null;
    }

    private Condition referencedBy(Node node) {
        Optional<Map<String, NodeTuple>> m = nodes.mapping(node, "referencedBy");
        if (m.isEmpty()) {
            return null;
        }
        Map<String, NodeTuple> entries = m.get();
        nodes.unknownKeys(entries, REFERENCED_BY_KEYS, "referencedBy");
        boolean ok = true;
        TypePattern type = null;
        if (entries.containsKey("type")) {
            type = types(entries.get("type").getValueNode(), "type");
            ok &= type != null;
        }
        FieldPath via = null;
        if (entries.containsKey("via")) {
            via = path(entries.get("via").getValueNode(), "via");
            ok &= via != null;
        }
        Condition where = null;
        if (entries.containsKey("where")) {
            where = parse(entries.get("where").getValueNode());
            ok &= where != null;
        }
        return ok ? new ReferencedByStep(type, via, where) : null;
    }

    FieldPath path(Node node, String what) {
        Optional<String> text = nodes.string(node, what);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return FieldPath.parse(text.get());
        } catch (FieldPath.PathException e) {
            nodes.errorAt(node, e.index(), what + ": " + e.getMessage());
            return null;
        }
    }

    public TypePattern types(Node node, String what) {
        Optional<List<String>> texts = nodes.strings(node, what);
        if (texts.isEmpty()) {
            return null;
        }
        for (String t : texts.get()) {
            if (!t.matches("[A-Za-z0-9.*_-]+(/[A-Za-z0-9.*_-]+)*")) {
                nodes.error(node, what + ": '" + t + "' is not a resource type such as Microsoft.Network/virtualNetworks");
                return null;
            }
        }
        List<Node> elements = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (int i = 0; i < texts.get().size(); i++) {
            String t = texts.get().get(i);
            if (!t.contains("*") && (t.indexOf('/') < 0 || t.substring(0, t.indexOf('/')).indexOf('.') < 0)) {
                nodes.warning(i < elements.size() ? elements.get(i) : node, what + ": '" + t
                        + "' has no provider namespace, so it never matches a resource; write the full type, such as"
                        + " Microsoft.Network/virtualNetworks");
            }
        }
        return TypePattern.of(texts.get());
    }
}
