package dev.egressguard.core.source;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
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
 * The one YAML reader, for rule files, {@code expected.yaml} and suppression files: text into a
 * node tree, never into objects. Only SnakeYAML's composer runs (no constructor), so a tag such as
 * {@code !!javax.script.ScriptEngineManager} cannot build anything: every tag reaches the tree,
 * where {@link #check} reports those that are not {@link #isPlain plain}. Aliases, nesting and size
 * are limited alike for every file; scalars resolve as YAML 1.2 ({@code no} is a text).
 *
 * <p>What the reader refuses comes back as a {@link Failure}, which each caller words for its
 * own file kind.
 */
public final class SafeYamlReader {

    /** Collection aliases a file may use: enough for sharing a list, far too few for a billion laughs. */
    public static final int MAX_ALIASES = 20;
    /** Levels of lists and maps inside each other. */
    public static final int MAX_NESTING = 50;
    /** 2 Mi characters: a rule or suppression file is a few kilobytes. */
    public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private SafeYamlReader() {
    }

    /** Why a text was refused. */
    public enum Refusal {
        /** Not YAML (or a tag SnakeYAML cannot represent). */
        SYNTAX,
        /** More than {@link #MAX_ALIASES} aliases to collections. */
        ALIASES,
        /** More than {@link #MAX_CODE_POINTS} characters. */
        SIZE,
        /** Nested deeper than {@link #MAX_NESTING}. */
        NESTING
    }

    /**
     * A refused text: why, SnakeYAML's words in plain form (as {@link SyntaxErrors#yaml} gives
     * them), whether SnakeYAML named the place ({@code placed}: a syntax error) and the place:
     * the one it named, or else the start of the last event the composer read (the limits carry
     * no position). {@code mark} is {@code null} when no place is known.
     */
    public record Failure(Refusal refusal, String detail, boolean placed, Mark mark) {
    }

    /** What was read: the root ({@code null} for an empty text, or when refused) or the failure. */
    public record Composed(Node root, Failure failure) {
    }

    /** Composes one YAML document. */
    public static Composed compose(String text) {
        return Composing.compose(text);
    }

    /**
     * SnakeYAML's reading machinery, in a class of its own: verifying {@link SafeYamlReader} then
     * loads none of its classes, so a tree rebuilt from its prepared form ({@link PreparedYaml})
     * is checked without loading a parser, resolver or their exceptions.
     */
    private static final class Composing {
        private Composing() {
        }

        static Composed compose(String text) {
            LoaderOptions options = options();
            PositionedParser parser = new PositionedParser(new ParserImpl(new StreamReader(text), options));
            try {
                return new Composed(new Composer(parser, new Yaml12Resolver(), options).getSingleNode(), null);
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                return new Composed(null, new Failure(Refusal.SYNTAX, SyntaxErrors.yaml(e.getContext(), e.getProblem()), true, m));
            } catch (YAMLException e) {
                // The alias and nesting limits carry no position: the composer stops at the event it last read.
                String m = String.valueOf(e.getMessage());
                Refusal why = m.contains("aliases") ? Refusal.ALIASES : m.contains("exceeds the limit") ? Refusal.SIZE
                        : m.contains("Nesting Depth") ? Refusal.NESTING : Refusal.SYNTAX;
                return failed(why, SyntaxErrors.yaml(null, m), parser);
            } catch (IllegalArgumentException e) {
                // SnakeYAML 2.5 refuses some tags outside its own exceptions: "!%2" decodes to a tag with a
                // trailing space, and Tag's constructor throws (found by RuleFuzzTest).
                return failed(Refusal.SYNTAX, SyntaxErrors.yaml(null, e.getMessage()), parser);
            } catch (StackOverflowError e) {
                return failed(Refusal.NESTING, "the YAML is nested too deeply (limit " + MAX_NESTING + ")", parser);
            }
        }

        private static Composed failed(Refusal why, String detail, PositionedParser parser) {
            return new Composed(null, new Failure(why, detail, false, parser.lastMark()));
        }

        /**
         * The composer's limits. The tag inspector lets every tag through to the node tree because
         * only nodes are built here (no constructor ever runs); {@link #check} reports each tag that
         * is not plain, with its position, all of them rather than the first.
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
    }

    /**
     * Checks a composed tree in document order, each node once (an alias is not entered again):
     * every tag that is not {@link #isPlain plain} is an error naming it, and its node is not
     * entered. With {@code keys}, mapping keys are checked too: a merge key ({@code <<}), a key
     * that is a list or map and a duplicate key are errors; without, entries with such keys are
     * left to the caller's reading, and duplicates too.
     *
     * @param files the kind of file, as the messages name it: "rule files"
     */
    public static List<Diagnostic> check(String file, Node root, String files, boolean keys) {
        List<Diagnostic> errors = new ArrayList<>();
        check(file, root, files, keys, errors, Collections.newSetFromMap(new IdentityHashMap<>()));
        return errors;
    }

    private static void check(String file, Node node, String files, boolean keys, List<Diagnostic> errors, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (!isPlain(node)) {
            errors.add(Diagnostic.error(at(file, node.getStartMark()), "the tag " + shortTag(node.getTag())
                    + " is not allowed: " + files + " hold plain maps, lists and scalars, and nothing in them is ever run"));
            return;
        }
        if (node instanceof MappingNode map) {
            Map<String, Node> seenKeys = new TreeMap<>();
            for (NodeTuple t : map.getValue()) {
                Node key = t.getKeyNode();
                if (Tag.MERGE.equals(key.getTag())) {
                    if (keys) {
                        errors.add(Diagnostic.error(at(file, key.getStartMark()), "merge keys (<<) are not supported in " + files));
                    }
                    continue;
                }
                if (!(key instanceof ScalarNode sk)) {
                    if (keys) {
                        errors.add(Diagnostic.error(at(file, key.getStartMark()), "a key must be a plain text, not a list or map"));
                    }
                    continue;
                }
                Node first = keys ? seenKeys.putIfAbsent(sk.getValue(), key) : null;
                if (first != null) {
                    errors.add(Diagnostic.error(at(file, key.getStartMark()), "duplicate key '" + sk.getValue()
                            + "' (first at line " + (first.getStartMark().getLine() + 1) + ")"));
                }
                check(file, key, files, keys, errors, seen);
                check(file, t.getValueNode(), files, keys, errors, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                check(file, item, files, keys, errors, seen);
            }
        }
    }

    /**
     * Whether a node's tag is one of plain YAML (text, number, boolean, null, list, map); a
     * timestamp scalar is made a text here, as YAML 1.2 reads it.
     */
    public static boolean isPlain(Node node) {
        Tag tag = node.getTag();
        if (Tag.TIMESTAMP.equals(tag) && node instanceof ScalarNode) {
            node.setTag(Tag.STR);
            return true;
        }
        return PLAIN.contains(tag);
    }

    /** A tag as written: {@code !!set}, {@code !custom}. */
    public static String shortTag(Tag tag) {
        String v = tag.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }

    /** The place of a mark in {@code file}; the file alone when there is no mark. */
    public static SourceLocation at(String file, Mark mark) {
        if (mark == null) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
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
