package dev.egressguard.core.report.suppression;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the findings already accepted come from, the same for {@code verify} and {@code audit}: the
 * suppression file and the baseline given, else the conventional file in the project root when
 * there is one. Hand it to {@code EgressGuard.Builder.acceptedFindings}.
 *
 * @param suppressionFile the suppression file to read, or null for none
 * @param baseline        the baseline to read, or null for none
 */
public record AcceptedFindings(Path suppressionFile, Path baseline) {

    /** Nothing accepted: no suppression file, no baseline. */
    public static final AcceptedFindings NONE = new AcceptedFindings(null, null);

    /**
     * The files to read for what a user gave (null for not given).
     *
     * @param baselineDefault whether a baseline not given is looked for as {@value Baseline#DEFAULT_NAME}:
     *                        the Maven plugin writes it there ({@code egress:baseline}) and reads it back;
     *                        the CLI has no baseline command and reads only a baseline given
     */
    public static AcceptedFindings resolve(Path root, Path givenSuppressions, Path givenBaseline,
                                           BaselineDefault baselineDefault) {
        Path suppressions = givenSuppressions != null ? givenSuppressions : conventional(root, SuppressionFile.DEFAULT_NAME);
        Path baseline = givenBaseline != null || baselineDefault == BaselineDefault.NONE ? givenBaseline
                : conventional(root, Baseline.DEFAULT_NAME);
        return new AcceptedFindings(suppressions, baseline);
    }

    private static Path conventional(Path root, String name) {
        Path file = root.resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Where a baseline that was not given is looked for. */
    public enum BaselineDefault {
        /** Nowhere: only a baseline given is read. */
        NONE,
        /** {@value Baseline#DEFAULT_NAME} in the project root, when it exists. */
        CONVENTIONAL
    }
}
