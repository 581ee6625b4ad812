package dev.egressguard.maven;

import dev.egressguard.core.report.ColorMode;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hands a report to the reporters and the fail decision of core, and puts the result where Maven
 * users look: console lines in the build log, files in the reports directory, findings in the
 * failure message.
 */
final class ReportPublisher {

    private final Log log;
    private final Path basedir;

    ReportPublisher(Log log, Path basedir) {
        this.log = EscapingLog.of(log);
        this.basedir = basedir;
    }

    void publish(Report report, Set<Format> formats, Path reportsDirectory, FailPolicy policy)
            throws MojoExecutionException, MojoFailureException {
        ReportOptions options = ReportOptions.defaults(basedir)
                .withColor(ColorMode.NEVER)
                .withUnknownAsFailure(policy.failOnUnknown())
                .withConsole(log::info);
        if (!formats.contains(Format.CONSOLE)) {
            // Without the console format an unreadable input would go unnoticed in the log.
            logDiagnostics(log, report.diagnostics(), options.paths());
        }
        try {
            List<Path> files = ReportWriter.write(report, reportsDirectory, formats, options);
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
            throw new MojoFailureException(FailureMessage.of(decision, options.paths()));
        }
        log.info(decision.explanation());
    }

    /** {@code file:line:col: level: message} at the log level of the diagnostic. */
    static void logDiagnostics(Log unescaped, List<Diagnostic> diagnostics, DisplayPaths paths) {
        Log log = EscapingLog.of(unescaped);
        for (Diagnostic d : diagnostics) {
            String where = paths.where(d.location());
            String line = (where.isEmpty() ? "" : where + ": ") + d.level().name().toLowerCase(Locale.ROOT) + ": "
                    + d.message();
            switch (d.level()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case INFO -> log.info(line);
            }
        }
    }
}
