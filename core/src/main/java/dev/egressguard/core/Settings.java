package dev.egressguard.core;

import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.template.LinkLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run can be told; the plugin's parameters and the CLI's flags map onto it one to one.
 * {@code today}: the date suppressions expire against, or null for the local date at the moment a
 * suppression with an expiry date is checked (reading the clock's time zone costs a cold JVM tens of
 * milliseconds, and most runs have no such suppression).
 */
public record Settings(DeploymentContext context, Path projectRoot, List<String> includes, List<String> excludes,
                       Map<Path, Path> parameterFiles, List<Path> ruleSources, boolean builtInRules,
                       Set<String> disabledRules, Map<String, Severity> severityOverrides,
                       Map<String, String> options, Path suppressionFile, Path baseline, LocalDate today,
                       List<LinkLocation> linkLocations) {
}
