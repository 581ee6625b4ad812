package dev.egressguard.core.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How reports are rendered.
 *
 * @param tool              name and version written into SARIF and JSON
 * @param baseDir           paths in reports are relative to it (the project or repository root)
 * @param color             ANSI colours on the console
 * @param unknownAsFailure  JUnit shows UNKNOWN findings as failures (set it when the build fails on
 *                          unknowns) instead of skipped tests
 * @param markdownLimit     findings listed in the Markdown summary before "and N more"
 * @param console           where console lines go (Maven's log, System.out)
 */
public record ReportOptions(ToolInfo tool, Path baseDir, ColorMode color, boolean unknownAsFailure,
                            int markdownLimit, Consumer<String> console) {

    public static final int DEFAULT_MARKDOWN_LIMIT = 50;

    public ReportOptions {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(console, "console");
        if (markdownLimit < 0) {
            throw new IllegalArgumentException("markdownLimit must not be negative");
        }
    }

    /** This tool, colours on a terminal only, unknowns as skipped tests, console to System.out. */
    public static ReportOptions defaults(Path baseDir) {
        return new ReportOptions(ToolInfo.current(), baseDir, ColorMode.AUTO, false, DEFAULT_MARKDOWN_LIMIT,
                System.out::println);
    }

    public ReportOptions withTool(ToolInfo t) {
        return new ReportOptions(t, baseDir, color, unknownAsFailure, markdownLimit, console);
    }

    public ReportOptions withColor(ColorMode c) {
        return new ReportOptions(tool, baseDir, c, unknownAsFailure, markdownLimit, console);
    }

    public ReportOptions withUnknownAsFailure(boolean on) {
        return new ReportOptions(tool, baseDir, color, on, markdownLimit, console);
    }

    public ReportOptions withMarkdownLimit(int limit) {
        return new ReportOptions(tool, baseDir, color, unknownAsFailure, limit, console);
    }

    public ReportOptions withConsole(Consumer<String> sink) {
        return new ReportOptions(tool, baseDir, color, unknownAsFailure, markdownLimit, sink);
    }

    public DisplayPaths paths() {
        return new DisplayPaths(baseDir);
    }
}
