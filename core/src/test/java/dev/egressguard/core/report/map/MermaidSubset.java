package dev.egressguard.core.report.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checker for the small part of Mermaid's flowchart syntax the egress map writes (Mermaid's own
 * parser needs Node and its packages, which a build here cannot fetch). What passes here is what
 * GitHub and Azure DevOps render; the grammar, one statement per line, two-space indents allowed:
 * <pre>
 * diagram   = "flowchart " ("LR" | "TD") { line }
 * line      = node | subgraph | "end" | edge | ""
 * node      = id "[" label "]"
 * subgraph  = "subgraph " id " [" label "]"
 * edge      = id " --> " id | id " -->|" label "| " id
 * id        = letter { letter | digit | "_" }       (not a keyword: end, subgraph, graph, ...)
 * label     = '"' { safe | entity } '"'
 * safe      = letter | digit | " " | one of -_./:,'=+@!?*~$^ | any printable character from U+00A0
 * entity    = "#" ("quot" | "amp" | "lt" | "gt" | digits) ";"
 * </pre>
 * and: subgraphs balanced by {@code end}, every edge's ends declared as nodes or subgraphs,
 * no id declared twice. A label therefore holds no quote, bracket, pipe, backtick, {@code <},
 * {@code >}, {@code ;}, {@code %} or control character as such.
 */
final class MermaidSubset {

    private static final String ID = "[A-Za-z][A-Za-z0-9_]*";
    private static final String LABEL = "\"(?:[A-Za-z0-9 \\-_./:,'=+@!?*~$^]|[\\u00A0-\\uFFFF&&[^\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]]"
            + "|#(?:quot|amp|lt|gt|\\d{1,6});)*\"";
    private static final Pattern HEADER = Pattern.compile("flowchart (LR|TD)");
    private static final Pattern NODE = Pattern.compile("(" + ID + ")\\[" + LABEL + "]");
    private static final Pattern SUBGRAPH = Pattern.compile("subgraph (" + ID + ") \\[" + LABEL + "]");
    private static final Pattern EDGE = Pattern.compile("(" + ID + ") -->(?:\\|" + LABEL + "\\|)? (" + ID + ")");
    private static final Set<String> KEYWORDS = Set.of("end", "subgraph", "graph", "flowchart", "style", "class",
            "classDef", "click", "linkStyle", "default", "direction", "call", "href");

    private MermaidSubset() {
    }

    /** What is wrong with {@code diagram} (without the ``` fence), one message per problem; empty when it passes. */
    static List<String> problems(String diagram) {
        List<String> problems = new ArrayList<>();
        String[] lines = diagram.split("\n", -1);
        if (lines.length == 0 || !HEADER.matcher(lines[0]).matches()) {
            problems.add("line 1: not 'flowchart LR' or 'flowchart TD'");
        }
        Set<String> declared = new HashSet<>();
        List<String[]> edges = new ArrayList<>();
        int depth = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].startsWith("  ") ? lines[i].strip() : lines[i];
            if (!line.equals(lines[i].strip())) {
                problems.add("line " + (i + 1) + ": spaces at the end or a tab");
                continue;
            }
            Matcher m;
            if (line.isEmpty()) {
                continue;
            } else if (line.equals("end")) {
                if (--depth < 0) {
                    problems.add("line " + (i + 1) + ": 'end' without a subgraph");
                    depth = 0;
                }
            } else if ((m = SUBGRAPH.matcher(line)).matches()) {
                depth++;
                declare(m.group(1), i, declared, problems);
            } else if ((m = NODE.matcher(line)).matches()) {
                declare(m.group(1), i, declared, problems);
            } else if ((m = EDGE.matcher(line)).matches()) {
                edges.add(new String[] {m.group(1), m.group(2), String.valueOf(i + 1)});
            } else {
                problems.add("line " + (i + 1) + ": not a statement of the subset: " + line);
            }
        }
        if (depth != 0) {
            problems.add(depth + " subgraph(s) without 'end'");
        }
        for (String[] e : edges) {
            for (int k = 0; k < 2; k++) {
                if (!declared.contains(e[k])) {
                    problems.add("line " + e[2] + ": edge to '" + e[k] + "', which is not declared");
                }
            }
        }
        return problems;
    }

    /** Every ```mermaid block of a Markdown text, without its fences. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1).stripTrailing());
        }
        return blocks;
    }

    private static void declare(String id, int line, Set<String> declared, List<String> problems) {
        if (KEYWORDS.contains(id)) {
            problems.add("line " + (line + 1) + ": '" + id + "' is a Mermaid keyword");
        }
        if (!declared.add(id)) {
            problems.add("line " + (line + 1) + ": '" + id + "' is declared twice");
        }
    }
}
