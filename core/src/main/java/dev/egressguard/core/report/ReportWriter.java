package dev.egressguard.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a report in the chosen formats: the console to {@link ReportOptions#console()}, the others
 * as files in the output directory (by convention {@code target/egress/}) under the names of
 * {@link Format#fileName()}. Each file is written whole or not at all, never through a link (see
 * {@link ReportFiles}), so a CI step never uploads half a SARIF file and a planted link never
 * redirects a report onto another file.
 */
public final class ReportWriter {

    /** The conventional output directory, relative to the project. */
    public static final String DEFAULT_OUTPUT_DIR = "target/egress";

    private ReportWriter() {
    }

    /** The reporter for a format. */
    public static Reporter reporter(Format format, ReportOptions options) {
        DisplayPaths paths = options.paths();
        return switch (format) {
            case CONSOLE -> new ConsoleReporter(paths, options.color().enabledHere());
            case JSON -> new JsonReporter(options.tool(), paths);
            case SARIF -> new SarifReporter(options.tool(), options.sourcePaths());
            case JUNIT -> new JUnitReporter(paths, options.unknownAsFailure());
            case MARKDOWN -> new MarkdownReporter(paths, options.markdownLimit());
        };
    }

    /**
     * Writes every format in {@code formats}; returns the files written, in the order of {@link Format}.
     *
     * @throws IOException when the directory or a file cannot be written; files written before stay
     */
    public static List<Path> write(Report report, Path outputDir, Set<Format> formats, ReportOptions options)
            throws IOException {
        List<Path> written = new ArrayList<>();
        Set<Format> ordered = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
        for (Format format : ordered) {
            if (format == Format.CONSOLE) {
                ConsoleReporter console = new ConsoleReporter(options.paths(), options.color().enabledHere());
                console.lines(report).forEach(options.console());
                continue;
            }
            ReportFiles.createDirectories(outputDir, options.paths().base());
            Path target = outputDir.resolve(format.fileName().orElseThrow());
            Reporter reporter = reporter(format, options);
            ReportFiles.write(target, out -> reporter.write(report, out));
            written.add(target);
        }
        return written;
    }
}
