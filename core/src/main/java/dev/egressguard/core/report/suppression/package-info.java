/**
 * Suppressions: inline ones in templates, the suppression file and the baseline.
 *
 * <p>May use: {@code report}, {@code finding}, {@code model}, {@code value}, {@code source}. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.report.suppression;
