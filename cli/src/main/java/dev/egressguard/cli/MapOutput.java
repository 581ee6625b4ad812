package dev.egressguard.cli;

import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.report.ReportFiles;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.report.map.MapFormat;
import dev.egressguard.core.report.map.MapOptions;
import dev.egressguard.core.report.map.MapWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the renderings of one egress map go, by the rules of {@link ReportOutput}, decided before
 * the map is made so that a wrong combination is a usage error and not a wasted read:
 * <ul>
 *   <li>no {@code --output}: the one format asked for goes to standard output;</li>
 *   <li>{@code --output DIR} (an existing directory, a name without an extension or ending in '/', or
 *       several file formats): each file format under its {@link MapFormat#fileName()}, the console
 *       to standard output;</li>
 *   <li>{@code --output FILE}: the one file format asked for, the console to standard output.</li>
 * </ul>
 * Files are written as reports are ({@link ReportFiles}): whole or not at all, never through a link
 * that leads out of the project.
 */
final class MapOutput {

    private final Set<MapFormat> formats;
    private final Set<MapFormat> fileFormats;
    private final Path output;
    private final boolean intoDirectory;

    private MapOutput(Set<MapFormat> formats, Path output) {
        this.formats = formats;
        this.fileFormats = EnumSet.copyOf(formats);
        this.fileFormats.remove(MapFormat.CONSOLE);
        this.output = output;
        this.intoDirectory = output != null && (Files.isDirectory(output) || fileFormats.size() > 1
                || ReportOutput.looksLikeDirectory(output));
    }

    /** The formats named by {@code --format} (comma-separated, repeatable); console when none. */
    static Set<MapFormat> formats(List<String> words, CommandSpec spec) {
        Set<MapFormat> parsed = EnumSet.noneOf(MapFormat.class);
        for (String word : String.join(",", words).split(",")) {
            if (word.isBlank()) {
                continue;
            }
            try {
                parsed.add(MapFormat.parse(word));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
            }
        }
        return parsed.isEmpty() ? EnumSet.of(MapFormat.CONSOLE) : parsed;
    }

    static MapOutput plan(Set<MapFormat> formats, Path output, CommandSpec spec) {
        MapOutput plan = new MapOutput(formats, output);
        if (output == null && formats.size() > 1) {
            throw new ParameterException(spec.commandLine(), "several formats (" + ids(formats)
                    + ") need --output DIR for the map files");
        }
        if (output != null && plan.fileFormats.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--output: no file format asked for; add --format json, markdown or allowlist");
        }
        return plan;
    }

    /**
     * Prints or writes the map.
     *
     * @param projectRoot no directory is created through a link inside it that leads out of it
     * @throws UserError when a file cannot be written (a link out of the project, no space): one line naming it
     */
    void write(EgressMap map, MapOptions options, Path projectRoot, PrintWriter out, PrintWriter err) {
        if (output == null) {
            out.print(MapWriter.render(map, formats.iterator().next(), options));
            out.flush();
            return;
        }
        if (formats.contains(MapFormat.CONSOLE)) {
            out.print(MapWriter.render(map, MapFormat.CONSOLE, options));
            out.flush();
        }
        try {
            Path directory = intoDirectory ? output : output.toAbsolutePath().getParent();
            if (directory != null) {
                ReportFiles.createDirectories(directory, projectRoot);
            }
            for (MapFormat format : fileFormats) {
                Path file = intoDirectory ? output.resolve(format.fileName().orElseThrow()) : output;
                String text = MapWriter.render(map, format, options);
                ReportFiles.write(file, w -> w.write(text));
                err.println("egress: wrote " + SafeText.forTerminal(file.toString()));
            }
        } catch (IOException e) {
            throw new UserError("cannot write the map: " + e.getMessage(), e);
        }
        err.flush();
    }

    private static String ids(Set<MapFormat> formats) {
        return formats.stream().map(MapFormat::id).collect(Collectors.joining(", "));
    }
}
