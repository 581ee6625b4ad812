package dev.egressguard.cli;

/**
 * What {@code egress} exits with. CI scripts branch on these, so they are a public promise.
 * <ul>
 *   <li>0: every check passed (or nothing counts at the chosen {@code --fail-on});</li>
 *   <li>1: findings at or above {@code --fail-on};</li>
 *   <li>2: the command line is wrong, or an input could not be read or understood (a report
 *       diagnostic of level ERROR: a malformed template, a missing file, a bad rule file). The
 *       other inputs are still checked and reported, but a run that could not read everything
 *       cannot claim the result is clean, so 2 wins over 0 and 1.</li>
 * </ul>
 */
final class ExitCode {
    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
