package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiler-style lines that editors and CI logs turn into links, one per active finding and per
 * diagnostic, grouped by file, then a summary line:
 * <pre>
 * infra/main.json:12:5: error EG002 subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway
 * infra/main.json:40:9: unknown EG002 subnet id depends on reference('vnet') at infra/main.json:38:20
 * rules/custom.yaml:3:1: warning: rule EG900 has no remediation
 *
 * Egress Guard: 1 failed (1 error, 0 warning, 0 note), 1 unknown, 0 suppressed in 1 file, 4 resources, 3 rules; 1 input warning
 * </pre>
 * The part after ';' appears only when there is something to say: required parameters without a
 * value, input errors, input warnings.
 * Suppressed findings are counted, not listed: they were looked at already.
 */
public final class ConsoleReporter implements Reporter {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String BOLD = "\u001b[1m";

    private final DisplayPaths paths;
    private final boolean color;

    public ConsoleReporter(DisplayPaths paths, boolean color) {
        this.paths = paths;
        this.color = color;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (String line : lines(report)) {
            out.write(line);
            out.write(System.lineSeparator());
        }
    }

    /** The lines, without line terminators: a blank line between files, the summary last. */
    public List<String> lines(Report report) {
        return levelledLines(report).stream().map(Line::text).toList();
    }

    /**
     * The same lines, each with the level a build log shows it at ({@link #levelOf(Finding)}; a
     * diagnostic at its own level; blank lines and the summary at INFO).
     */
    public List<Line> levelledLines(Report report) {
        Map<String, List<Entry>> byFile = new TreeMap<>(Comparator.comparing((String f) -> f.isEmpty())
                .thenComparing(Comparator.naturalOrder()));
        for (Diagnostic d : report.diagnostics()) {
            String file = paths.display(d.location());
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(new Entry(d.location(), 0, "", d.level(), diagnosticLine(d)));
        }
        for (Finding f : report.activeFindings()) {
            String file = paths.display(f.location());
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(new Entry(f.location(), 1, f.ruleId(), levelOf(f), findingLine(f)));
        }
        List<Line> lines = new ArrayList<>();
        for (List<Entry> entries : byFile.values()) {
            entries.sort(Comparator.comparingInt((Entry e) -> e.at.line()).thenComparingInt(e -> e.at.column())
                    .thenComparingInt(e -> e.order).thenComparing(e -> e.ruleId));
            entries.forEach(e -> lines.add(new Line(e.level, e.text)));
            lines.add(new Line(Diagnostic.Level.INFO, ""));
        }
        lines.add(new Line(Diagnostic.Level.INFO, summaryLine(ReportSummary.of(report))));
        return lines;
    }

    /**
     * The log level of a finding's line: a FAIL at its severity (note is INFO). An UNKNOWN is a
     * WARNING, or INFO for a note rule, as SARIF levels it: nothing is known to be wrong, yet it is
     * no pass, and an INFO line among hundreds would go unread.
     */
    public static Diagnostic.Level levelOf(Finding f) {
        if (f.outcome() == Outcome.UNKNOWN) {
            return f.severity() == Severity.NOTE ? Diagnostic.Level.INFO
                    : Diagnostic.Level.WARNING;
        }
        return switch (f.severity()) {
            case ERROR -> Diagnostic.Level.ERROR;
            case WARNING -> Diagnostic.Level.WARNING;
            case NOTE -> Diagnostic.Level.INFO;
        };
    }

    /** One console line and the level a build log shows it at. */
    public record Line(Diagnostic.Level level, String text) {
    }

    private String findingLine(Finding f) {
        String word = f.outcome() == Outcome.UNKNOWN ? paint(MAGENTA, "unknown") : severityWord(f);
        return where(f.location(), f.resourceId()) + word + " " + SafeText.forTerminal(f.ruleId()) + " "
                + text(f.message());
    }

    private String diagnosticLine(Diagnostic d) {
        String level = d.level().name().toLowerCase(Locale.ROOT);
        String painted = switch (d.level()) {
            case ERROR -> paint(RED, level);
            case WARNING -> paint(YELLOW, level);
            case INFO -> paint(CYAN, level);
        };
        return where(d.location(), "") + painted + ": " + text(d.message());
    }

    private String severityWord(Finding f) {
        return switch (f.severity()) {
            case ERROR -> paint(RED, "error");
            case WARNING -> paint(YELLOW, "warning");
            case NOTE -> paint(CYAN, "note");
        };
    }

    /** A place to jump to; a live resource has none, so its id stands in. */
    private String where(SourceLocation at, String resourceId) {
        String w = paths.where(at);
        if (w.isEmpty()) {
            w = resourceId;
        }
        // Escaped with its colon: a place named ":" would otherwise start the line with "::", a
        // GitHub workflow command (found by ReportFuzzTest).
        return w.isEmpty() ? "" : SafeText.forTerminal(w + ":") + " ";
    }

    private String summaryLine(ReportSummary s) {
        StringBuilder sb = new StringBuilder(paint(BOLD, "Egress Guard:")).append(' ');
        String failed = s.failed() + " failed";
        sb.append(s.failed() > 0 ? paint(RED, failed) : failed)
                .append(" (").append(s.failedError()).append(" error, ").append(s.failedWarning()).append(" warning, ")
                .append(s.failedNote()).append(" note), ");
        String unknown = s.unknown() + " unknown";
        sb.append(s.unknown() > 0 ? paint(MAGENTA, unknown) : unknown).append(", ")
                .append(s.suppressed()).append(" suppressed in ")
                .append(plural(s.files(), "file")).append(", ")
                .append(plural(s.resources(), "resource")).append(", ")
                .append(plural(s.rules(), "rule"));
        List<String> inputs = new ArrayList<>();
        if (s.requiredParametersWithoutValue() > 0) {
            // Without them, FAILs turn UNKNOWN: a run checked without its parameters is no clean pass.
            inputs.add(paint(YELLOW, plural(s.requiredParametersWithoutValue(), "required parameter")
                    + " without a value"));
        }
        if (s.diagnosticErrors() > 0) {
            inputs.add(paint(RED, plural(s.diagnosticErrors(), "input error")));
        }
        if (s.diagnosticWarnings() > 0) {
            inputs.add(paint(YELLOW, plural(s.diagnosticWarnings(), "input warning")));
        }
        if (!inputs.isEmpty()) {
            sb.append("; ").append(String.join(", ", inputs));
        }
        return sb.toString();
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * A message on one log line: a line break inside it (a resource name such as
     * {@code "x\n::error::owned"}, or a multi-line rule message) shows as {@code \n}, and no control
     * character can move the cursor, recolour or start a CI command (see {@link SafeText}).
     */
    static String text(String message) {
        return SafeText.forTerminal(message.strip());
    }

    private record Entry(SourceLocation at, int order, String ruleId, Diagnostic.Level level, String text) {
    }
}
