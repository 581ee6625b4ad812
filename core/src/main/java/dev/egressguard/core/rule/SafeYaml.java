package dev.egressguard.core.rule;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.source.SyntaxErrors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a YAML file into a node tree, never into objects: only SnakeYAML's composer runs (no
 * constructor), so a tag such as {@code !!javax.script.ScriptEngineManager} cannot build
 * anything; it is reported as an error. Aliases, nesting and size are limited, duplicate keys
 * and tabs are errors, and every error carries {@code file:line:column}.
 */
public final class SafeYaml {

    /** Collection aliases a rule file may use: enough for sharing a list, far too few for a billion laughs. */
    public static final int MAX_ALIASES = 20;
    public static final int MAX_NESTING = 50;
    /** 2 MiB of text: a rule file is a few kilobytes. */
    public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    private static final Set<Tag> ALLOWED = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    /** The root node ({@code null} when the file could not be read) and the problems found. */
    public record Document(Node root, List<Diagnostic> errors) {
        public boolean ok() {
            return root != null && errors.isEmpty();
        }
    }

    private SafeYaml() {
    }

    /**
     * The composer's limits. The tag inspector lets every tag through to the node tree because
     * only nodes are built here (no constructor ever runs); {@link #check} then reports each
     * forbidden tag with its position, all of them rather than the first.
     */
    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setAllowDuplicateKeys(false);
        o.setAllowRecursiveKeys(false);
        o.setMergeOnCompose(false);
        o.setTagInspector(tag -> true);
        return o;
    }

    public static Document read(String file, String text) {
        List<Diagnostic> errors = new ArrayList<>(tabs(file, text));
        if (!errors.isEmpty()) {
            return new Document(null, errors);
        }
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            return new Document(null, List.of(Diagnostic.error(SourceLocation.of(file),
                    "the file is larger than " + MAX_CODE_POINTS + " characters; a rule file should be a few kilobytes")));
        }
        Node root;
        LoaderOptions options = options();
        PositionedParser parser = new PositionedParser(new ParserImpl(new StreamReader(text), options));
        try {
            Composer composer = new Composer(parser, new Yaml12Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return new Document(null, List.of(Diagnostic.error(at(file, m), "not valid YAML: "
                    + SyntaxErrors.yaml(e.getContext(), e.getProblem()))));
        } catch (YAMLException e) {
            // The alias and nesting limits carry no position: the composer stops at the event it last read.
            return new Document(null, List.of(Diagnostic.error(at(file, parser.lastMark()), explain(e))));
        } catch (IllegalArgumentException e) {
            // SnakeYAML 2.5 refuses some tags outside its own exceptions: "!%2" decodes to a tag with a
            // trailing space, and Tag's constructor throws (found by RuleFuzzTest).
            return new Document(null, List.of(Diagnostic.error(at(file, parser.lastMark()), "not valid YAML: "
                    + SyntaxErrors.yaml(null, e.getMessage()))));
        } catch (StackOverflowError e) {
            return new Document(null, List.of(Diagnostic.error(at(file, parser.lastMark()),
                    "the YAML is nested too deeply (limit " + MAX_NESTING + ")")));
        }
        if (root == null) {
            return new Document(null, List.of(Diagnostic.error(SourceLocation.of(file), "the file is empty")));
        }
        check(file, root, errors, Collections.newSetFromMap(new IdentityHashMap<>()));
        return new Document(root, errors);
    }

    private static String explain(YAMLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("aliases")) {
            return "too many aliases (at most " + MAX_ALIASES + " aliases to lists or maps; a 'billion laughs' file is refused)";
        }
        if (m.contains("exceeds the limit")) {
            return "the file is larger than " + MAX_CODE_POINTS + " characters";
        }
        if (m.contains("Nesting Depth")) {
            return "the YAML is nested too deeply (limit " + MAX_NESTING + ")";
        }
        return "not valid YAML: " + SyntaxErrors.yaml(null, m);
    }

    /** The parser the composer reads, remembering where the last event it handed out starts. */
    private static final class PositionedParser implements Parser {
        private final Parser parser;
        private Mark last;

        PositionedParser(Parser parser) {
            this.parser = parser;
        }

        Mark lastMark() {
            return last;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return remember(parser.peekEvent());
        }

        @Override
        public Event getEvent() {
            return remember(parser.getEvent());
        }

        private Event remember(Event e) {
            if (e != null && e.getStartMark() != null) {
                last = e.getStartMark();
            }
            return e;
        }
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

    private static void check(String file, Node node, List<Diagnostic> errors, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        Tag tag = node.getTag();
        if (Tag.TIMESTAMP.equals(tag) && node instanceof ScalarNode) {
            node.setTag(Tag.STR);
        } else if (!ALLOWED.contains(tag)) {
            errors.add(Diagnostic.error(at(file, node.getStartMark()), "the tag " + shortTag(tag)
                    + " is not allowed: rule files hold plain maps, lists and scalars, and nothing in them is ever run"));
            return;
        }
        if (node instanceof MappingNode map) {
            Map<String, Node> keys = new TreeMap<>();
            for (NodeTuple t : map.getValue()) {
                Node key = t.getKeyNode();
                if (Tag.MERGE.equals(key.getTag())) {
                    errors.add(Diagnostic.error(at(file, key.getStartMark()), "merge keys (<<) are not supported in rule files"));
                    continue;
                }
                if (!(key instanceof ScalarNode sk)) {
                    errors.add(Diagnostic.error(at(file, key.getStartMark()), "a key must be a plain text, not a list or map"));
                    continue;
                }
                Node first = keys.putIfAbsent(sk.getValue(), key);
                if (first != null) {
                    errors.add(Diagnostic.error(at(file, key.getStartMark()), "duplicate key '" + sk.getValue()
                            + "' (first at line " + (first.getStartMark().getLine() + 1) + ")"));
                }
                check(file, key, errors, seen);
                check(file, t.getValueNode(), errors, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                check(file, item, errors, seen);
            }
        }
    }

    private static String shortTag(Tag tag) {
        String v = tag.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }

    public static SourceLocation at(String file, Mark mark) {
        if (mark == null) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * YAML 1.2 scalars: only {@code true}/{@code false} are booleans, so {@code on}, {@code yes}
     * and {@code no} stay strings (YAML 1.1 would turn a tag value "no" into false).
     */
    static final class Yaml12Resolver extends Resolver {
        private static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL12, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
