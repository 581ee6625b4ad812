package dev.egressguard.core.report.suppression;

import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.DidYouMean;
import dev.egressguard.core.source.SafeYamlReader;
import dev.egressguard.core.source.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code egress-suppressions.yaml}: suppressions kept apart from the templates, for resources one
 * cannot annotate (generated templates, a live subscription):
 * <pre>
 * apiVersion: egressguard.dev/v1     # optional
 * kind: Suppressions                 # optional
 * suppressions:
 *   - rule: EG002                    # rule id or name
 *     resource: "*&#47;virtualNetworks/legacy-vnet/subnets/*"   # glob on resource id or name
 *     justification: Legacy network, replaced in Q3 (INFRA-118)
 *     expires: 2027-01-31            # optional: the last day it holds
 * </pre>
 * Read as YAML nodes by {@link SafeYamlReader}, the one YAML reader, with its limits (plain tags
 * only, few aliases, bounded depth and size), so a hostile file cannot build objects or exhaust
 * memory. Every problem is a diagnostic
 * at its line and column; a bad entry is skipped, the good ones still apply.
 */
public record SuppressionFile(String file, List<SuppressionEntry> entries, List<Diagnostic> diagnostics) {

    /** The conventional name, looked for in the project root. */
    public static final String DEFAULT_NAME = "egress-suppressions.yaml";
    static final int MAX_BYTES = 1 << 20;

    private static final String API_VERSION = "egressguard.dev/v1";

    public SuppressionFile {
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Reads a suppression file; a missing or unreadable file is an ERROR diagnostic, not an exception. */
    public static SuppressionFile load(Path path) {
        return load(path, Path.of(""));
    }

    /**
     * As {@link #load(Path)}; a suppression file inside {@code projectRoot} must really lie inside it
     * (a link out of the project is an error, nothing of the file it leads to is read).
     */
    public static SuppressionFile load(Path path, Path projectRoot) {
        String name = path.toString();
        ConfinedFiles.Read read = new ConfinedFiles(projectRoot).readGiven(path, MAX_BYTES);
        if (read instanceof ConfinedFiles.Missing) {
            return failed(name, SourceLocation.of(name), "suppression file not found");
        }
        if (read instanceof ConfinedFiles.TooLarge) {
            return failed(name, SourceLocation.of(name), "suppression file is larger than " + MAX_BYTES + " bytes");
        }
        if (read instanceof ConfinedFiles.Refused refused) {
            return failed(name, SourceLocation.of(name), "suppression file not read: " + refused.problem());
        }
        try {
            byte[] bytes = ((ConfinedFiles.Bytes) read).bytes();
            return parse(name, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return failed(name, SourceLocation.of(name), "suppression file is not UTF-8 text");
        }
    }

    /** Parses suppression YAML; {@code file} names it in diagnostics and entries. */
    public static SuppressionFile parse(String file, String text) {
        SafeYamlReader.Composed composed = SafeYamlReader.compose(text);
        if (composed.failure() != null) {
            // Only a syntax error is placed; a limit names the file.
            SafeYamlReader.Failure f = composed.failure();
            return failed(file, f.placed() ? at(file, f.mark()) : SourceLocation.of(file), "not valid YAML: " + f.detail());
        }
        Node root = composed.root();
        if (root == null) {
            return failed(file, SourceLocation.of(file), "suppression file is empty; it needs a 'suppressions' list");
        }
        // Keys are checked by the reader below, in its own words ("'rule' is given twice").
        List<Diagnostic> tags = SafeYamlReader.check(file, root, "suppression files", false);
        if (!tags.isEmpty()) {
            return new SuppressionFile(file, List.of(), tags);
        }
        return new Reader(file).read(root);
    }

    private static SuppressionFile failed(String file, SourceLocation at, String message) {
        return new SuppressionFile(file, List.of(), List.of(Diagnostic.error(at, message)));
    }

    static SourceLocation at(String file, Mark mark) {
        return SafeYamlReader.at(file, mark);
    }

    /** Walks the node tree; one instance per file. */
    private static final class Reader {
        private final String file;
        private final List<Diagnostic> problems = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        SuppressionFile read(Node root) {
            Map<String, Node> top = mapping(root, "the suppression file", List.of("apiVersion", "kind", "suppressions"));
            if (top == null) {
                return done(List.of());
            }
            checkConstant(top.get("apiVersion"), "apiVersion", API_VERSION);
            checkConstant(top.get("kind"), "kind", "Suppressions");
            Node list = top.get("suppressions");
            if (list == null) {
                problems.add(Diagnostic.error(at(file, root.getStartMark()), "missing 'suppressions' (a list of {rule, resource, justification, expires})"));
                return done(List.of());
            }
            if (!(list instanceof SequenceNode seq)) {
                problems.add(Diagnostic.error(at(file, list.getStartMark()), "'suppressions' must be a list"));
                return done(List.of());
            }
            List<SuppressionEntry> entries = new ArrayList<>();
            for (Node item : seq.getValue()) {
                SuppressionEntry e = entry(item);
                if (e != null) {
                    entries.add(e);
                }
            }
            return done(entries);
        }

        private SuppressionFile done(List<SuppressionEntry> entries) {
            return new SuppressionFile(file, entries, problems);
        }

        private SuppressionEntry entry(Node item) {
            int before = problems.size();
            Map<String, Node> fields = mapping(item, "a suppression", List.of("rule", "resource", "justification", "expires"));
            if (fields == null) {
                return null;
            }
            SourceLocation where = at(file, item.getStartMark());
            String rule = text(fields, "rule", item, "a rule id such as EG002 or a rule name");
            String resource = text(fields, "resource", item, "a glob on resource id or name, such as '*/subnets/legacy-*'");
            String justification = text(fields, "justification", item, "say why the finding is acceptable");
            LocalDate expires = null;
            Node expiresNode = fields.get("expires");
            if (expiresNode != null) {
                String value = scalar(expiresNode, "expires");
                if (value != null) {
                    try {
                        expires = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        problems.add(Diagnostic.error(at(file, expiresNode.getStartMark()),
                                "'expires' must be a date as YYYY-MM-DD, not '" + value + "'"));
                    }
                }
            }
            if (problems.size() > before) {
                return null;
            }
            return SuppressionEntry.file(rule, resource, justification, expires, where);
        }

        /** The keys of a mapping node, each checked against the allowed ones (a typo is an error, not a no-op). */
        private Map<String, Node> mapping(Node node, String what, List<String> allowed) {
            if (!(node instanceof MappingNode m)) {
                problems.add(Diagnostic.error(at(file, node.getStartMark()), what + " must be a mapping of "
                        + String.join(", ", allowed)));
                return null;
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node key = t.getKeyNode();
                if (!(key instanceof ScalarNode k)) {
                    problems.add(Diagnostic.error(at(file, key.getStartMark()), "keys must be plain words"));
                    continue;
                }
                String name = allowed.stream().filter(a -> a.equalsIgnoreCase(k.getValue())).findFirst().orElse(null);
                if (name == null) {
                    String hint = DidYouMean.closest(k.getValue(), allowed).map(c -> " (did you mean '" + c + "'?)")
                            .orElse("");
                    problems.add(Diagnostic.error(at(file, key.getStartMark()), "unknown key '" + k.getValue() + "' in "
                            + what + hint + "; the keys are " + String.join(", ", allowed)));
                } else if (fields.containsKey(name)) {
                    problems.add(Diagnostic.error(at(file, key.getStartMark()), "'" + name + "' is given twice"));
                } else {
                    fields.put(name, t.getValueNode());
                }
            }
            return fields;
        }

        private String text(Map<String, Node> fields, String key, Node owner, String hint) {
            Node n = fields.get(key);
            if (n == null) {
                problems.add(Diagnostic.error(at(file, owner.getStartMark()), "a suppression needs '" + key + "': " + hint));
                return null;
            }
            String value = scalar(n, key);
            if (value != null && value.isBlank()) {
                problems.add(Diagnostic.error(at(file, n.getStartMark()), "'" + key + "' must not be empty: " + hint));
                return null;
            }
            return value == null ? null : value.trim();
        }

        private String scalar(Node n, String key) {
            if (!(n instanceof ScalarNode s)) {
                problems.add(Diagnostic.error(at(file, n.getStartMark()), "'" + key + "' must be a single value"));
                return null;
            }
            return s.getValue();
        }

        private void checkConstant(Node n, String key, String expected) {
            if (n == null) {
                return;
            }
            String value = scalar(n, key);
            if (value != null && !value.equals(expected)) {
                problems.add(Diagnostic.error(at(file, n.getStartMark()), "'" + key + "' must be " + expected
                        + ", not '" + value + "'"));
            }
        }
    }
}
