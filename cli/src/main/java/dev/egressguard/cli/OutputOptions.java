package dev.egressguard.cli;

import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which reports to write, where, and what fails the run. */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",",
            description = "console, json, sarif, junit, markdown or all (repeatable, or comma-separated; default console).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = {"Where report files go. A directory (one that exists, a name without an extension, or any"
                    + " path when several file formats are asked for) gets egress-report.json, egress-report.sarif,"
                    + " TEST-egress.xml, egress-summary.md; a file name (report.sarif) gets the one file format asked for.",
                    "Without it, the one format asked for is printed to standard output."})
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Lowest severity that fails the run: error, warning or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--fail-on-unknown",
            description = "UNKNOWN findings (what cannot be known before deployment) fail the run too.")
    boolean failOnUnknown;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "ANSI colours on the console: auto, always or never (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    String color;

    Set<Format> formats(CommandSpec spec) {
        try {
            Set<Format> parsed = Format.parseList(String.join(",", formats));
            return parsed.isEmpty() ? EnumSet.of(Format.CONSOLE) : parsed;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }

    FailPolicy failPolicy(CommandSpec spec) {
        FailPolicy.FailOn threshold = FailPolicy.FailOn.parse(failOn).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--fail-on: '" + failOn + "' is not one of error, warning, never"));
        return new FailPolicy(threshold, failOnUnknown);
    }

    ColorMode colorMode(CommandSpec spec) {
        return ColorMode.parse(color).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--color: '" + color + "' is not one of auto, always, never"));
    }
}
