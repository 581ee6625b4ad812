package dev.egressguard.core.rule;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SafeYamlReader;
import dev.egressguard.core.source.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rule file (or {@code expected.yaml}) into a node tree with {@link SafeYamlReader}, the
 * one YAML reader, never into objects: a tag such as {@code !!javax.script.ScriptEngineManager}
 * cannot build anything; it is reported as an error. Aliases, nesting and size are limited,
 * duplicate keys and tabs are errors, and every error carries {@code file:line:column}.
 */
public final class SafeYaml {

    /** The reader's limits ({@link SafeYamlReader}), the same for every YAML file. */
    public static final int MAX_ALIASES = SafeYamlReader.MAX_ALIASES;
    public static final int MAX_NESTING = SafeYamlReader.MAX_NESTING;
    public static final int MAX_CODE_POINTS = SafeYamlReader.MAX_CODE_POINTS;

    /** The root node ({@code null} when the file could not be read) and the problems found. */
    public record Document(Node root, List<Diagnostic> errors) {
        public boolean ok() {
            return root != null && errors.isEmpty();
        }
    }

    private SafeYaml() {
    }

    public static Document read(String file, String text) {
        return read(file, text, null);
    }

    /**
     * As {@link #read(String, String)}, with {@code prepared} (when not {@code null}) standing for
     * composing the text: the tree {@link dev.egressguard.core.source.PreparedYaml} rebuilt for
     * exactly this text. Every check but composing still runs, so the result is the same.
     */
    static Document read(String file, String text, SafeYamlReader.Composed prepared) {
        List<Diagnostic> errors = new ArrayList<>(tabs(file, text));
        if (!errors.isEmpty()) {
            return new Document(null, errors);
        }
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            return new Document(null, List.of(Diagnostic.error(SourceLocation.of(file),
                    "the file is larger than " + MAX_CODE_POINTS + " characters; a rule file should be a few kilobytes")));
        }
        SafeYamlReader.Composed composed = prepared != null ? prepared : SafeYamlReader.compose(text);
        if (composed.failure() != null) {
            return new Document(null, List.of(Diagnostic.error(at(file, composed.failure().mark()), explain(composed.failure()))));
        }
        Node root = composed.root();
        if (root == null) {
            return new Document(null, List.of(Diagnostic.error(SourceLocation.of(file), "the file is empty")));
        }
        return new Document(root, SafeYamlReader.check(file, root, "rule files", true));
    }

    private static String explain(SafeYamlReader.Failure f) {
        return switch (f.refusal()) {
            case ALIASES -> "too many aliases (at most " + MAX_ALIASES + " aliases to lists or maps; a 'billion laughs' file is refused)";
            case SIZE -> "the file is larger than " + MAX_CODE_POINTS + " characters";
            case NESTING -> "the YAML is nested too deeply (limit " + MAX_NESTING + ")";
            case SYNTAX -> "not valid YAML: " + f.detail();
        };
    }

    /** Tabs cannot indent YAML; SnakeYAML's own message for them is cryptic, so every one is reported plainly. */
    private static List<Diagnostic> tabs(String file, String text) {
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '\t') {
                    out.add(Diagnostic.error(new SourceLocation(file, i + 1, c + 1),
                            "a tab indents this line; YAML indentation must use spaces"));
                    break;
                }
                if (ch != ' ' && ch != '-') {
                    break;
                }
            }
        }
        return out;
    }

    public static SourceLocation at(String file, Mark mark) {
        return SafeYamlReader.at(file, mark);
    }
}
