package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.DidYouMean;
import dev.egressguard.core.source.SafeYamlReader;
import dev.egressguard.core.source.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading a composed YAML tree while collecting every problem with its position: each reader
 * method reports what is wrong and returns empty, so a parser goes on and finds the next one.
 */
public final class Nodes {

    private final String file;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    public Nodes(String file) {
        this.file = file;
    }

    public List<Diagnostic> errors() {
        return errors;
    }

    /** The errors in file order, as a person reads them. */
    public List<Diagnostic> sortedErrors() {
        List<Diagnostic> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return sorted;
    }

    /** Errors and warnings in file order. */
    public List<Diagnostic> sortedDiagnostics() {
        List<Diagnostic> sorted = new ArrayList<>(errors);
        sorted.addAll(warnings);
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return sorted;
    }

    /** A problem that does not stop the rule from loading (it still works, though not as meant). */
    void warning(Node node, String message) {
        warnings.add(Diagnostic.warning(at(node), message));
    }

    public SourceLocation at(Node node) {
        return SafeYamlReader.at(file, node.getStartMark());
    }

    public void error(Node node, String message) {
        errors.add(Diagnostic.error(at(node), message));
    }

    /**
     * An error at character {@code offset} of a one-line text scalar, so the column points into
     * the text; at the scalar itself when the text spans lines or holds escapes.
     */
    void errorAt(Node node, int offset, String message) {
        if (node instanceof ScalarNode s && node.getStartMark().getLine() == node.getEndMark().getLine()) {
            int width = node.getEndMark().getColumn() - node.getStartMark().getColumn();
            int quotes = s.isPlain() ? 0 : 1;
            if (width == s.getValue().length() + 2 * quotes) {
                SourceLocation start = at(node);
                errors.add(Diagnostic.error(new SourceLocation(file, start.line(), start.column() + quotes + offset), message));
                return;
            }
        }
        error(node, message);
    }

    /**
     * Reports a whole file that is one plain text ({@code root} a scalar): any text is a YAML
     * document of one scalar, so a passwd or .env file read by mistake must not come back quoted in
     * "must be a mapping, not the text '...'".
     */
    public boolean plainText(Node root, String what) {
        if (!(root instanceof ScalarNode)) {
            return false;
        }
        error(root, what + " is a single plain text, not YAML keys and values (its text is not shown)");
        return true;
    }

    /** The entries of a mapping in file order, keyed by their text; reports a node that is not a mapping. */
    public Optional<Map<String, NodeTuple>> mapping(Node node, String what) {
        if (!(node instanceof MappingNode map)) {
            error(node, what + " must be a mapping (key: value lines), not " + kind(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.putIfAbsent(k.getValue(), t);
            }
        }
        return Optional.of(out);
    }

    public Optional<List<Node>> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            error(node, what + " must be a list, not " + kind(node));
            return Optional.empty();
        }
        return Optional.of(seq.getValue());
    }

    /** A text scalar; numbers and booleans are refused so that {@code name: 1} is noticed. */
    public Optional<String> string(Node node, String what) {
        if (node instanceof ScalarNode s && (Tag.STR.equals(s.getTag()))) {
            return Optional.of(s.getValue());
        }
        error(node, what + " must be a text, not " + kind(node));
        return Optional.empty();
    }

    /** A text, or a list of texts (as in {@code type:}). */
    public Optional<List<String>> strings(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (Node item : seq.getValue()) {
                Optional<String> s = string(item, "each entry of " + what);
                s.ifPresent(out::add);
                ok &= s.isPresent();
            }
            if (out.isEmpty() && ok) {
                error(node, what + " must not be an empty list");
                return Optional.empty();
            }
            return ok ? Optional.of(out) : Optional.empty();
        }
        return string(node, what + " (a text or a list of texts)").map(List::of);
    }

    Optional<Boolean> bool(Node node, String what) {
        if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
            return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        error(node, what + " must be true or false, not " + kind(node));
        return Optional.empty();
    }

    /** A YAML literal as a value: text, whole or decimal number, boolean, null, list, mapping. */
    Optional<Value> literal(Node node, String what) {
        if (node instanceof ScalarNode s) {
            Tag tag = s.getTag();
            String text = s.getValue();
            if (Tag.STR.equals(tag)) {
                return Optional.of(Value.of(text));
            }
            if (Tag.BOOL.equals(tag)) {
                return Optional.of(Value.of(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT))));
            }
            if (Tag.NULL.equals(tag)) {
                return Optional.of(Value.Null.INSTANCE);
            }
            if (Tag.INT.equals(tag)) {
                return integer(s, what);
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return Optional.of(new Value.Num(new BigDecimal(text.replace("_", ""))));
                } catch (NumberFormatException e) {
                    error(node, what + ": '" + text + "' is not a number a rule can compare");
                    return Optional.empty();
                }
            }
        }
        if (node instanceof SequenceNode seq) {
            List<Value> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                Optional<Value> v = literal(item, what);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                items.add(v.get());
            }
            return Optional.of(new Value.Arr(items));
        }
        if (node instanceof MappingNode map) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                Optional<Value> v = literal(t.getValueNode(), what);
                if (v.isEmpty() || !(t.getKeyNode() instanceof ScalarNode k)) {
                    return Optional.empty();
                }
                fields.put(k.getValue(), v.get());
            }
            return Optional.of(new Value.Obj(fields));
        }
        error(node, what + " is not a plain value");
        return Optional.empty();
    }

    private Optional<Value> integer(ScalarNode s, String what) {
        String text = s.getValue().replace("_", "");
        try {
            BigInteger big = text.startsWith("0x") || text.startsWith("-0x") || text.startsWith("+0x")
                    ? new BigInteger(text.replaceFirst("0x", ""), 16)
                    : new BigInteger(text);
            return Optional.of(big.bitLength() < 64 ? Value.of(big.longValue()) : new Value.Num(new BigDecimal(big)));
        } catch (NumberFormatException e) {
            error(s, what + ": '" + s.getValue() + "' is not a number a rule can compare");
            return Optional.empty();
        }
    }

    /** Reports every key of {@code entries} that is not in {@code allowed}, suggesting the closest. */
    public void unknownKeys(Map<String, NodeTuple> entries, List<String> allowed, String where) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = DidYouMean.closest(e.getKey(), allowed).map(c -> " (did you mean '" + c + "'?)")
                        .orElse("; allowed: " + String.join(", ", allowed));
                error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in " + where + hint);
            }
        }
    }

    /** How a node is named in "must be X, not Y". */
    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        String text = ((ScalarNode) node).getValue();
        if (Tag.BOOL.equals(tag)) {
            return "the boolean " + text;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "the number " + text;
        }
        if (Tag.NULL.equals(tag)) {
            return "nothing (null)";
        }
        return "the text '" + text + "'";
    }
}
