package dev.egressguard.maven;

import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.ConsoleReporter;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.source.Diagnostic;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hands a report to the reporters and the fail decision of core, and puts the result where Maven
 * users look: each finding and input problem once in the build log at its own level (an error is
 * an {@code [ERROR]} line even when failOn is never), the summary, the report files, then one line
 * with the decision. A failure's message only counts and points back: Maven prints it again.
 */
final class ReportPublisher {

    private final Log log;
    private final Path basedir;
    private final Path sourceRoot;

    /** Paths in the log and reports relative to {@code basedir}, SARIF URIs relative to {@code sourceRoot}. */
    ReportPublisher(Log log, Path basedir, Path sourceRoot) {
        this.log = EscapingLog.of(log);
        this.basedir = basedir;
        this.sourceRoot = sourceRoot;
    }

    /** SARIF URIs relative to the base directory too. */
    ReportPublisher(Log log, Path basedir) {
        this(log, basedir, basedir);
    }

    void publish(Report report, Set<Format> formats, Path reportsDirectory, FailPolicy policy)
            throws MojoExecutionException, MojoFailureException {
        ReportOptions options = ReportOptions.defaults(basedir)
                .withSourceRoot(sourceRoot)
                .withColor(ColorMode.NEVER)
                .withUnknownAsFailure(policy.failOnUnknown());
        if (formats.contains(Format.CONSOLE)) {
            logConsole(report, options.paths());
        } else {
            // Without the console format an unreadable input would go unnoticed in the log.
            logDiagnostics(log, report.diagnostics(), options.paths());
        }
        Set<Format> fileFormats = EnumSet.noneOf(Format.class);
        fileFormats.addAll(formats);
        fileFormats.remove(Format.CONSOLE);
        List<Path> files;
        try {
            files = ReportWriter.write(report, reportsDirectory, fileFormats, options);
            for (Path file : files) {
                log.info("Egress Guard report: " + file);
            }
        } catch (IOException e) {
            // Maven prints this message itself, not through the log: escaped here.
            throw new MojoExecutionException(SafeText.forTerminal("cannot write the reports to " + reportsDirectory
                    + ": " + e.getMessage()), e);
        }
        FailDecision decision = FailDecision.decide(report, policy, options.paths());
        if (decision.fails()) {
            log.error(decision.explanation());
            String reports = files.isEmpty() ? null : options.paths().display(reportsDirectory.toString());
            throw new MojoFailureException(FailureMessage.of(decision, policy, reports));
        }
        log.info(decision.explanation());
    }

    /** The console format, each line at its level: CI log viewers and IDEs show {@code [ERROR]} lines as errors. */
    private void logConsole(Report report, DisplayPaths paths) {
        for (ConsoleReporter.Line line : new ConsoleReporter(paths, false).levelledLines(report)) {
            log(log, line.level(), line.text());
        }
    }

    /** {@code file:line:col: level: message} at the log level of the diagnostic. */
    static void logDiagnostics(Log unescaped, List<Diagnostic> diagnostics, DisplayPaths paths) {
        Log log = EscapingLog.of(unescaped);
        for (Diagnostic d : diagnostics) {
            log(log, d.level(), d.line(paths.where(d.location())));
        }
    }

    private static void log(Log log, Diagnostic.Level level, String line) {
        switch (level) {
            case ERROR -> log.error(line);
            case WARNING -> log.warn(line);
            case INFO -> log.info(line);
        }
    }
}
