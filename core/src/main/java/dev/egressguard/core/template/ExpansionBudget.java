package dev.egressguard.core.template;

import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.source.SourceLocation;

import java.util.Locale;

/**
 * How many resources one template file may expand to, counting every copy of every copy loop
 * and the resources of all its nested deployments. Azure's own limits do not bound this: 800
 * resources per deployment and 800 copies per loop still allow 800 nested deployments of 800
 * copies each, 640,000 resources from 1 KB of JSON (about a minute of evaluation), and a template
 * that links itself with a copy loop multiplies that by 800 at every level of nesting. Real
 * templates stay far below the budget: the largest template of the benchmark deploys 2,000
 * resources with its nested deployments.
 *
 * <p>One budget is shared by a top-level template and everything it nests. When it runs out,
 * {@link #take} throws {@link Exceeded}, which unwinds the whole evaluation of that file (the
 * evaluator turns it into an error); the other files of the run are still checked.
 */
final class ExpansionBudget {

    /** Well above any real deployment, well below what takes a build minutes to evaluate. */
    static final int MAX_RESOURCES = 50_000;

    private final int max;
    private final String file;
    private final EvaluationBudget evaluation;
    private int used;

    /** @param file the top-level template, as diagnostics show it */
    ExpansionBudget(int max, String file) {
        this(max, file, EvaluationBudget.forFile(file));
    }

    ExpansionBudget(int max, String file, EvaluationBudget evaluation) {
        this.max = max;
        this.file = file;
        this.evaluation = evaluation;
    }

    /** The expression evaluator's budget of the same file ({@link EvaluationBudget}). */
    EvaluationBudget evaluation() {
        return evaluation;
    }

    /** Counts one more resource instance, declared at {@code at}. */
    void take(SourceLocation at) {
        used++;
        if (used > max) {
            throw new Exceeded(at, "evaluation of " + file + " stopped here: with its copy loops and nested "
                    + "deployments it expands to more than " + String.format(Locale.ROOT, "%,d", max)
                    + " resources, Egress Guard's budget for one template file (Azure allows 800 per deployment); "
                    + "none of its resources are checked");
        }
    }

    /** The budget ran out; {@code at} is the declaration that would have gone over it. */
    static final class Exceeded extends RuntimeException {

        private final transient SourceLocation at;

        Exceeded(SourceLocation at, String message) {
            // No stack trace: this is a verdict on the input, reported as a diagnostic, never printed.
            super(message, null, false, false);
            this.at = at;
        }

        SourceLocation at() {
            return at;
        }
    }
}
