package dev.egressguard.cli;

import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportFiles;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import dev.egressguard.core.report.Reporter;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.source.Diagnostic;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where the reports of one run go, decided before the run so that a wrong combination is a usage
 * error and not wasted work:
 * <ul>
 *   <li>no {@code --output}: the one format asked for goes to standard output;</li>
 *   <li>{@code --output DIR} (an existing directory, a name without an extension or ending in '/', or
 *       several file formats): each file format under its conventional name, the console to standard output;</li>
 *   <li>{@code --output FILE}: the one file format asked for, the console to standard output.</li>
 * </ul>
 */
final class ReportOutput {

    private final Set<Format> formats;
    private final Set<Format> fileFormats;
    private final Path output;
    private final boolean intoDirectory;

    private ReportOutput(Set<Format> formats, Path output) {
        this.formats = formats;
        this.fileFormats = EnumSet.copyOf(formats);
        this.fileFormats.remove(Format.CONSOLE);
        this.output = output;
        this.intoDirectory = output != null && (Files.isDirectory(output) || fileFormats.size() > 1
                || looksLikeDirectory(output));
    }

    static ReportOutput plan(Set<Format> formats, Path output, CommandSpec spec) {
        ReportOutput plan = new ReportOutput(formats, output);
        if (output == null && formats.size() > 1) {
            throw new ParameterException(spec.commandLine(), "several formats (" + ids(formats)
                    + ") need --output DIR for the report files");
        }
        if (output != null && plan.fileFormats.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--output: no file format asked for; add --format json, sarif, junit or markdown");
        }
        return plan;
    }

    /**
     * Writes the reports and returns the exit code the report deserves under {@code policy}.
     *
     * @throws UserError when a report file cannot be written (a link out of the project, no space):
     *     one line naming the file
     */
    int write(Report report, ReportOptions options, FailPolicy policy, PrintWriter out, PrintWriter err)
            throws IOException {
        if (!formats.contains(Format.CONSOLE)) {
            printDiagnostics(report, options.paths(), err);
        }
        ReportOptions toOut = options.withConsole(out::println);
        if (output == null) {
            Format only = formats.iterator().next();
            ReportWriter.reporter(only, toOut).write(report, out);
        } else if (intoDirectory) {
            for (Path file : writeFiles(() -> ReportWriter.write(report, output, formats, toOut))) {
                err.println("egress: wrote " + SafeText.forTerminal(file.toString()));
            }
        } else {
            if (formats.contains(Format.CONSOLE)) {
                ReportWriter.reporter(Format.CONSOLE, toOut).write(report, out);
            }
            Reporter reporter = ReportWriter.reporter(fileFormats.iterator().next(), toOut);
            writeFiles(() -> {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    ReportFiles.createDirectories(parent, options.paths().base());
                }
                ReportFiles.write(output, file -> reporter.write(report, file));
                return List.of(output);
            });
            err.println("egress: wrote " + SafeText.forTerminal(output.toString()));
        }
        out.flush();
        return exitCode(report, policy, options.paths(), err);
    }

    /** Writing report files, whose failure is the user's to fix (their disk, their links), not ours. */
    private interface FileWrite {
        List<Path> run() throws IOException;
    }

    private static List<Path> writeFiles(FileWrite write) {
        try {
            return write.run();
        } catch (IOException e) {
            throw new UserError("cannot write the report: " + e.getMessage(), e);
        }
    }

    /** 2 when an input could not be checked, 1 on failing findings, else 0; {@code never} is always 0. */
    static int exitCode(Report report, FailPolicy policy, DisplayPaths paths, PrintWriter err) {
        FailDecision decision = FailDecision.decide(report, policy, paths, FailDecision.SettingNames.CLI);
        if (!decision.fails()) {
            return ExitCode.CLEAN;
        }
        err.println(decision.explanation());
        err.flush();
        return decision.inputErrors().isEmpty() ? ExitCode.FINDINGS : ExitCode.BAD_INPUT;
    }

    /** Warnings and errors of the inputs, each one line on standard error (the console report has them in its text). */
    static void printDiagnostics(Report report, DisplayPaths paths, PrintWriter err) {
        for (Diagnostic d : report.diagnostics()) {
            if (d.level() == Diagnostic.Level.INFO) {
                continue;
            }
            String where = paths.where(d.location());
            // The whole line at once: a place named ":" and the separator after it must not make "::".
            err.println(SafeText.forTerminal(Diagnostic.line(where, d.level(), d.message().strip())));
        }
        err.flush();
    }

    /** build/egress or out/ names a directory; report.sarif names a file. */
    static boolean looksLikeDirectory(Path output) {
        String text = output.toString();
        Path name = output.getFileName();
        return text.endsWith("/") || text.endsWith(java.io.File.separator) || name == null
                || !name.toString().contains(".");
    }

    private static String ids(Set<Format> formats) {
        return String.join(", ", formats.stream().map(Format::id).toList());
    }
}
