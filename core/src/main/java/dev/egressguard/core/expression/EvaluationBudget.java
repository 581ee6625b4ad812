package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;

import java.util.Locale;

/**
 * The work one template file may make the expression evaluator do, its nested deployments,
 * copy loops and lambdas included: evaluation steps (every expression node and every lambda
 * call is one) and values built (every array element and object member a function returns is
 * one, and so are every 64 characters of a string it returns). Each function and each value is
 * bounded on its own ({@link Evaluator#MAX_ARRAY_LENGTH}, {@link Evaluator#MAX_STRING_LENGTH}),
 * but nothing else bounds how often they run: {@code reduce} over {@code range(0, 10000)} whose
 * lambda reduces another {@code range(0, 10000)} is 100 million steps (40 s), and a {@code reduce}
 * whose accumulator grows by one element per step copies it every step (past 60 s and 3 GB).
 *
 * <p>When either count runs out, {@link Exhausted} unwinds the evaluation of the whole file, which
 * becomes one error at the expression that went over; the other files of the run are checked.
 * The limits are more than a thousand times what the largest real template needs
 * (docs/performance.md), and spending one takes a few seconds.
 *
 * <p>Not thread-safe: one file is evaluated on one thread.
 */
public final class EvaluationBudget {

    /** Evaluation steps of one template file. */
    public static final long MAX_STEPS = 20_000_000;
    /** Values built by the functions of one template file. */
    public static final long MAX_VALUES = 20_000_000;
    /** Characters of a built string that count as one value. */
    static final int CHARACTERS_PER_VALUE = 64;

    /** For expressions outside any template (rule tests, tools): nothing is counted. */
    public static final EvaluationBudget UNLIMITED = new EvaluationBudget(Long.MAX_VALUE, Long.MAX_VALUE, "");

    private final long maxSteps;
    private final long maxValues;
    private final String file;
    private long steps;
    private long values;

    /** @param file the template file, as diagnostics name it */
    public EvaluationBudget(long maxSteps, long maxValues, String file) {
        this.maxSteps = maxSteps;
        this.maxValues = maxValues;
        this.file = file;
    }

    public static EvaluationBudget forFile(String file) {
        return new EvaluationBudget(MAX_STEPS, MAX_VALUES, file);
    }

    /** Counts one evaluation step of the expression at {@code at}. */
    void step(SourceLocation at) {
        if (maxSteps != Long.MAX_VALUE && ++steps > maxSteps) {
            throw new Exhausted(at, "evaluation of " + file + " stopped here: its expressions take more than "
                    + format(maxSteps) + " evaluation steps, Egress Guard's budget for one template file (a "
                    + "lambda or copy loop nested too deep?); none of its resources are checked");
        }
    }

    /** Counts what {@code v}, just returned by a function, holds at its top level. */
    void built(Value v, SourceLocation at) {
        if (maxValues == Long.MAX_VALUE) {
            return;
        }
        long n = v instanceof Value.Arr a ? a.size()
                : v instanceof Value.Obj o ? o.fields().size()
                : v instanceof Value.Str s ? s.value().length() / CHARACTERS_PER_VALUE : 0;
        values += n;
        if (values > maxValues) {
            throw new Exhausted(at, "evaluation of " + file + " stopped here: its functions build more than "
                    + format(maxValues) + " values, Egress Guard's budget for one template file (an accumulator "
                    + "that grows at every step?); none of its resources are checked");
        }
    }

    /** Steps counted so far: what a template needs, for docs/performance.md. */
    public long stepsUsed() {
        return steps;
    }

    /** Values counted so far. */
    public long valuesUsed() {
        return values;
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The budget ran out at {@code at}. Not an {@link ExpressionException}: it ends the file, not
     * one expression.
     */
    public static final class Exhausted extends RuntimeException {

        private final transient SourceLocation at;

        Exhausted(SourceLocation at, String message) {
            // No stack trace: a verdict on the input, reported as a diagnostic, never printed.
            super(message, null, false, false);
            this.at = at;
        }

        public SourceLocation at() {
            return at;
        }
    }
}
