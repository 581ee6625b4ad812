package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportFiles;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.report.map.MapFormat;
import dev.egressguard.core.report.map.MapOptions;
import dev.egressguard.core.report.map.MapWriter;
import dev.egressguard.core.report.map.PreviousMap;
import dev.egressguard.core.source.Diagnostic;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the egress map of the project's templates: how every node reaches the internet and the
 * public IPs it leaves from, as {@code egress-map.json}, {@code egress-map.md} and
 * {@code egress-allowlist.txt} in {@code reportsDirectory}, and one summary line in the log. The
 * templates are found and read as {@code egress:verify} reads them (the same parameters). Findings
 * never fail this goal; a previous map that cannot be read does (at its {@code file:line:column}),
 * and so does a template that cannot be read, after the map of the others is written.
 */
@Mojo(name = "map", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class MapMojo extends AbstractTemplateMojo {

    /**
     * The map's renderings, comma-separated or as a list: {@code json} ({@code egress-map.json}),
     * {@code markdown} ({@code egress-map.md}), {@code allowlist} ({@code egress-allowlist.txt}),
     * {@code console} (the build log).
     */
    @Parameter(property = "egress.map.formats", defaultValue = "json,markdown,allowlist")
    protected List<String> mapFormats = new ArrayList<>();

    /**
     * An {@code egress-map.json} written earlier: the Markdown (and console) add what changes since
     * it, and the allowlist becomes the changes alone ({@code +cidr} to allow before the change,
     * {@code -cidr} no longer used after it). The JSON stays the whole current map.
     */
    @Parameter(property = "egress.map.previous")
    protected File previousMap;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Egress Guard is skipped (egress.skip).");
            return;
        }
        Set<MapFormat> formats = parsedMapFormats();
        List<Path> inputs = inputs();
        if (nothingToCheck(inputs)) {
            return;
        }
        // Read before the templates: a wrong file fails at once, and it may be the map this run rewrites.
        MapOptions options = MapOptions.defaults().withColor(ColorMode.NEVER).withPrevious(previous());
        // Findings do not count here, so neither do the files that accept them: a broken suppression file
        // must not fail the map.
        EgressGuard.Builder builder = templateSettings().suppressionFile(null).baseline(null);
        EgressGuard guard = guard(builder);
        Report report = EngineCall.run(() -> guard.verify(inputs));
        DisplayPaths paths = new DisplayPaths(basedir.toPath());
        ReportPublisher.logDiagnostics(getLog(), report.diagnostics(), paths);

        EgressMap map = report.egressMap();
        if (formats.contains(MapFormat.CONSOLE)) {
            MapWriter.render(map, MapFormat.CONSOLE, options).lines().forEach(getLog()::info);
        }
        write(map, formats, options);
        if (!formats.contains(MapFormat.CONSOLE)) {
            getLog().info("Egress map: " + MapWriter.summary(map));
        }
        if (map.nodes().isEmpty()) {
            getLog().warn("Egress map: no nodes found in " + report.inputs().size()
                    + (report.inputs().size() == 1 ? " template" : " templates")
                    + " (a node is a VM's or scale set's network interface, an AKS node pool, or service compute on"
                    + " a subnet); the map is empty");
        }
        long errors = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
        if (errors > 0) {
            throw new MojoFailureException("Egress Guard map: " + (errors == 1 ? "1 input" : errors + " inputs")
                    + " could not be read (see the errors above); the map in "
                    + SafeText.forTerminal(paths.display(reportsDirectory.toString())) + " shows the rest.");
        }
    }

    private Set<MapFormat> parsedMapFormats() throws MojoExecutionException {
        Set<MapFormat> parsed = EnumSet.noneOf(MapFormat.class);
        for (String value : mapFormats) {
            // -Degress.map.formats=json,markdown arrives as one element.
            for (String word : value == null ? new String[0] : value.split(",")) {
                if (isSet(word)) {
                    try {
                        parsed.add(MapFormat.parse(word));
                    } catch (IllegalArgumentException e) {
                        throw new MojoExecutionException("egress.map.formats: " + e.getMessage(), e);
                    }
                }
            }
        }
        return parsed;
    }

    /** The previous map, or null; one that cannot be used fails the goal at its file:line:column. */
    private PreviousMap previous() throws MojoFailureException {
        if (previousMap == null) {
            return null;
        }
        try {
            return PreviousMap.read(previousMap.toPath(), basedir.toPath());
        } catch (PreviousMap.InvalidMapException e) {
            // Maven prints this message itself, not through the log: escaped here.
            throw new MojoFailureException(SafeText.forTerminal("Egress Guard map: " + e.getMessage()
                    + " (previousMap, egress.map.previous)"), e);
        }
    }

    private void write(EgressMap map, Set<MapFormat> formats, MapOptions options) throws MojoExecutionException {
        Path directory = reportsDirectory.toPath();
        try {
            for (MapFormat format : formats) {
                if (format.fileName().isEmpty()) {
                    continue;
                }
                ReportFiles.createDirectories(directory, basedir.toPath());
                Path file = directory.resolve(format.fileName().get());
                String text = MapWriter.render(map, format, options);
                ReportFiles.write(file, out -> out.write(text));
                getLog().info("Egress Guard map: " + file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException(SafeText.forTerminal("cannot write the egress map to " + directory + ": "
                    + e.getMessage()), e);
        }
    }
}
