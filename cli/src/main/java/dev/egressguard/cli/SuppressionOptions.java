package dev.egressguard.cli;

import dev.egressguard.core.report.suppression.AcceptedFindings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Findings already accepted, the same for {@code verify} and {@code audit}: a suppression file and a baseline. */
final class SuppressionOptions {

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Suppressions with justification and expiry (default: egress-suppressions.yaml in the"
                    + " current directory, if there is one).")
    Path suppressions;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded earlier: reported, but they do not fail the run.")
    Path baseline;

    /** The files to read; the CLI writes no baseline, so it reads one only when given. */
    AcceptedFindings resolve(Path root) {
        return AcceptedFindings.resolve(root, suppressions, baseline, AcceptedFindings.BaselineDefault.NONE);
    }
}
