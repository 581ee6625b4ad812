package dev.egressguard.core.finding;

import dev.egressguard.core.source.SourceLocation;

/**
 * One rule checked against one resource, whatever the outcome. Findings say what failed;
 * evaluations also say what passed, for reports that list every check (JUnit). The location is
 * the property a FAIL or UNKNOWN rests on, and the resource's declaration for a PASS.
 */
public record Evaluation(String ruleId, String resourceId, String resourceName, String resourceType,
                         SourceLocation location, Outcome outcome) {
}
