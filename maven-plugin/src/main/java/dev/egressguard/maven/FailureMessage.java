package dev.egressguard.maven;

import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.SafeText;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the build failure, which Maven prints once more at the end of the log: what failed it
 * in counts and where to look, in one line. The findings themselves are in the log above it, each
 * once at its level, and in the reports; repeating them here made the end of a log a wall of text.
 */
final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * {@code Egress Guard: 7 findings at or above error fail the build; see the log above and the reports in target/egress.}
     *
     * @param reports the reports directory as shown to the user, or null when no report file was written
     */
    static String of(FailDecision decision, FailPolicy policy, String reports) {
        List<String> causes = new ArrayList<>();
        int findings = decision.failing().size();
        int inputErrors = decision.inputErrors().size();
        if (findings > 0) {
            causes.add(plural(findings, "finding") + " at or above " + policy.failOn().id());
        }
        if (inputErrors > 0) {
            causes.add(plural(inputErrors, "input error"));
        }
        String message = "Egress Guard: " + String.join(" and ", causes)
                + (findings + inputErrors == 1 ? " fails" : " fail") + " the build; see the log above"
                + (reports == null ? "" : " and the reports in " + reports) + ".";
        // Maven prints this message itself, not through the plugin's log: escaped here.
        return SafeText.forTerminal(message);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
