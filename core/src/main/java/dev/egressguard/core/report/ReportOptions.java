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
 * @param sourceRoot        SARIF's {@code %SRCROOT%}: its URIs are relative to it, so that code
 *                          scanning finds a module's files from the repository root (by default
 *                          the base directory)
 */
public record ReportOptions(ToolInfo tool, Path baseDir, ColorMode color, boolean unknownAsFailure,
                            int markdownLimit, Consumer<String> console, Path sourceRoot) {

    public static final int DEFAULT_MARKDOWN_LIMIT = 50;

    public ReportOptions {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        if (markdownLimit < 0) {
            throw new IllegalArgumentException("markdownLimit must not be negative");
        }
    }

    /** This tool, colours on a terminal only, unknowns as skipped tests, console to System.out. */
    public static ReportOptions defaults(Path baseDir) {
        return new ReportOptions(ToolInfo.current(), baseDir, ColorMode.AUTO, false, DEFAULT_MARKDOWN_LIMIT,
                System.out::println, baseDir);
    }

    public ReportOptions withTool(ToolInfo t) {
        return new ReportOptions(t, baseDir, color, unknownAsFailure, markdownLimit, console, sourceRoot);
    }

    public ReportOptions withColor(ColorMode c) {
        return new ReportOptions(tool, baseDir, c, unknownAsFailure, markdownLimit, console, sourceRoot);
    }

    public ReportOptions withUnknownAsFailure(boolean on) {
        return new ReportOptions(tool, baseDir, color, on, markdownLimit, console, sourceRoot);
    }

    public ReportOptions withMarkdownLimit(int limit) {
        return new ReportOptions(tool, baseDir, color, unknownAsFailure, limit, console, sourceRoot);
    }

    public ReportOptions withConsole(Consumer<String> sink) {
        return new ReportOptions(tool, baseDir, color, unknownAsFailure, markdownLimit, sink, sourceRoot);
    }

    public ReportOptions withSourceRoot(Path root) {
        return new ReportOptions(tool, baseDir, color, unknownAsFailure, markdownLimit, console, root);
    }

    public DisplayPaths paths() {
        return new DisplayPaths(baseDir);
    }

    /** Paths as SARIF gives them: relative to the source root (a relative file name is one from the base directory). */
    public DisplayPaths sourcePaths() {
        return new DisplayPaths(sourceRoot, baseDir);
    }
}
