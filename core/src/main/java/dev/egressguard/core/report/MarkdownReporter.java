package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A short Markdown summary for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: a counts
 * table, then the active findings (at most {@code limit}, then "and N more"), each with the first
 * sentence of its fix and its rule id linked to the rule's documentation, then where the nodes
 * leave for the internet (the egress map's table per cluster or vnet, at most {@code limit} rows,
 * when the run has nodes), then input problems.
 * Everything that comes from templates is escaped: it cannot break a table, start a code span,
 * inject HTML or mention a person.
 */
public final class MarkdownReporter implements Reporter {

    /** Characters of a message shown in a table cell. */
    static final int MAX_MESSAGE = 300;

    /** Characters of the fix hint shown in a table cell. */
    static final int MAX_FIX = 160;

    /**
     * A rule's documentation link goes into the Markdown as it is only when it cannot end the link,
     * hold HTML or carry a control or bidi character: printable ASCII without those few (found by
     * ReportFuzzTest: an escape sequence in a helpUri went into the summary raw).
     */
    private static final Pattern SAFE_LINK = Pattern.compile("https?://[\\x21-\\x7E&&[^()<>\\[\\]`\"'|\\\\]]+");

    private final DisplayPaths paths;
    private final int limit;

    public MarkdownReporter(DisplayPaths paths, int limit) {
        this.paths = paths;
        this.limit = limit;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(render(report));
    }

    public String render(Report report) {
        ReportSummary s = ReportSummary.of(report);
        StringBuilder md = new StringBuilder("## Egress Guard\n\n");
        md.append(headline(s)).append("\n\n");
        md.append("| Result | Count |\n|---|---:|\n");
        row(md, "Failed (error)", s.failedError());
        row(md, "Failed (warning)", s.failedWarning());
        row(md, "Failed (note)", s.failedNote());
        row(md, "Unknown", s.unknown());
        row(md, "Suppressed", s.suppressed());
        row(md, "Passed checks", s.passed());
        row(md, "Input errors", s.diagnosticErrors());
        row(md, "Input warnings", s.diagnosticWarnings());
        md.append("\nChecked ").append(ConsoleReporter.plural(s.files(), "file")).append(", ")
                .append(ConsoleReporter.plural(s.resources(), "resource")).append(" with ")
                .append(ConsoleReporter.plural(s.rules(), "rule")).append(".\n");
        if (s.requiredParametersWithoutValue() > 0) {
            md.append("\n**").append(ConsoleReporter.plural(s.requiredParametersWithoutValue(), "required parameter"))
                    .append(" had no value**: what is built from them is unknown, so a finding may hide among the unknowns.\n");
        }

        // Worst first, so that a capped table still shows the findings that fail builds.
        List<Finding> active = FindingOrder.sorted(report.activeFindings(), paths).stream()
                .sorted(Comparator.comparingInt(MarkdownReporter::rank)).toList();
        if (!active.isEmpty()) {
            Map<String, String> docs = new HashMap<>();
            report.rules().forEach(r -> docs.put(r.id(), r.helpUri()));
            md.append("\n### Findings\n\n| Outcome | Rule | Resource | Location | Message | Fix |\n|---|---|---|---|---|---|\n");
            active.stream().limit(limit).forEach(f -> md.append("| ").append(outcome(f))
                    .append(" | ").append(ruleCell(f, docs.get(f.ruleId())))
                    .append(" | ").append(escape(f.resourceName().isEmpty() ? f.resourceId() : f.resourceName()))
                    .append(" | ").append(escape(where(f)))
                    .append(" | ").append(escape(cut(f.message())))
                    .append(" | ").append(escape(fixHint(f.remediation()))).append(" |\n"));
            more(md, active.size());
        }
        if (!report.egressMap().nodes().isEmpty()) {
            // The paths the rules judged, per cluster or vnet: a reviewer sees what a change moves.
            md.append("\n### Where nodes leave\n\n").append(EgressMapTable.markdown(report.egressMap(), "####", limit)
                    .stripTrailing()).append('\n');
        }
        List<Diagnostic> problems = report.diagnostics().stream()
                .filter(d -> d.level() != Diagnostic.Level.INFO).toList();
        if (!problems.isEmpty()) {
            md.append("\n### Input problems\n\n| Level | Location | Message |\n|---|---|---|\n");
            problems.stream().limit(limit).forEach(d -> md.append("| ").append(d.level().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(escape(paths.where(d.location())))
                    .append(" | ").append(escape(d.message())).append(" |\n"));
            more(md, problems.size());
        }
        return md.toString();
    }

    private static String headline(ReportSummary s) {
        if (s.failed() == 0 && s.unknown() == 0 && s.diagnosticErrors() == 0) {
            return "**No egress findings.**";
        }
        StringBuilder sb = new StringBuilder("**");
        sb.append(ConsoleReporter.plural(s.failed(), "failed check")).append(", ").append(s.unknown()).append(" unknown");
        if (s.diagnosticErrors() > 0) {
            sb.append(", ").append(ConsoleReporter.plural(s.diagnosticErrors(), "input error"));
        }
        return sb.append(".**").toString();
    }

    private void more(StringBuilder md, int total) {
        if (total > limit) {
            md.append("\n_… and ").append(total - limit).append(" more (see egress-report.sarif or the build log)._\n");
        }
    }

    private static void row(StringBuilder md, String label, long count) {
        md.append("| ").append(label).append(" | ").append(count).append(" |\n");
    }

    /** FAIL by severity, then UNKNOWN. */
    private static int rank(Finding f) {
        return f.outcome() == Outcome.UNKNOWN ? Severity.values().length : f.severity().ordinal();
    }

    /** A table row is no place for an essay; the SARIF and JSON reports keep the whole message. */
    private static String cut(String message) {
        String line = oneLine(message);
        if (line.length() <= MAX_MESSAGE) {
            return line;
        }
        // Never between the two halves of a surrogate pair: half a pair cannot be written as UTF-8.
        int end = Character.isHighSurrogate(line.charAt(MAX_MESSAGE - 2)) ? MAX_MESSAGE - 2 : MAX_MESSAGE - 1;
        return line.substring(0, end).stripTrailing() + "…";
    }

    /** The rule id, linked to the rule's documentation when it has a web address, then its name. */
    private static String ruleCell(Finding f, String helpUri) {
        String id = escape(f.ruleId());
        boolean linkable = helpUri != null && SAFE_LINK.matcher(helpUri).matches();
        return (linkable ? "[" + id + "](" + helpUri + ")" : id) + " " + escape(nullToEmpty(f.ruleName()));
    }

    /**
     * The remediation's first sentence (or line): enough to say what to do in a table cell; the rule's
     * page, linked from the rule id, and the SARIF and JSON reports have the whole text.
     */
    static String fixHint(String remediation) {
        if (remediation == null || remediation.isBlank()) {
            return "";
        }
        String text = remediation.strip();
        int end = text.length();
        int sentence = text.indexOf(". ");
        int line = text.indexOf('\n');
        if (sentence >= 0) {
            end = Math.min(end, sentence + 1);
        }
        if (line >= 0) {
            end = Math.min(end, line);
        }
        String first = text.substring(0, end).strip();
        if (first.endsWith(":")) {
            first = first.substring(0, first.length() - 1) + ".";
        }
        return first.length() <= MAX_FIX ? first : first.substring(0, MAX_FIX - 1).stripTrailing() + "…";
    }

    private static String outcome(Finding f) {
        return f.outcome() == Outcome.UNKNOWN ? "unknown" : "fail (" + f.severity().id() + ")";
    }

    private String where(Finding f) {
        String w = paths.where(f.location());
        return w.isEmpty() ? f.resourceId() : w;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A table cell holds one line: line breaks with the space around them become one space (a
     * summary is prose), any other control or bidi character shows escaped (see {@link SafeText}).
     */
    private static String oneLine(String s) {
        return SafeText.forTerminal(s.replaceAll("\\s*\\R\\s*", " ").strip());
    }

    /**
     * Text for a table cell: one line, Markdown punctuation backslash-escaped (CommonMark allows it
     * for any ASCII punctuation), {@code <}, {@code >}, {@code &} and {@code @} as entities so that
     * neither HTML nor @-mentions come through.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String line = oneLine(s);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '@' -> sb.append("&#64;");
                case '|', '`', '\\', '*', '_', '[', ']', '#', '~', '!' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
