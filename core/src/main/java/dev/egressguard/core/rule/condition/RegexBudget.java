package dev.egressguard.core.rule.condition;

import java.util.Locale;

/**
 * The regex work one rule may do in a run: every value its {@code match} and {@code like}
 * conditions read, on every resource, together. Each value has its own budget
 * ({@link Operator#REGEX_BUDGET}: past it that value is UNKNOWN), but a backtracking pattern over
 * {@code properties.list[*]} of 800 copies of a 1,000-item list spends it 800,000 times (past
 * 60 s). When this budget is spent, {@link Spent} ends the check at hand, and every later check
 * of the same rule, as UNKNOWN with the reason; the other rules go on. Real rules read each id
 * or name once: the built-in pack reads a few hundred characters per resource.
 *
 * <p>Not thread-safe: a rule runs on one thread.
 */
public final class RegexBudget {

    /** Characters the regex engine may read for one rule in one run: a hundred values' worth of the per-value budget. */
    public static final long PER_RULE = 100 * Operator.REGEX_BUDGET;

    private final long limit;
    private long remaining;

    public RegexBudget(long limit) {
        this.limit = limit;
        this.remaining = limit;
    }

    /** A fresh budget for one rule's run. */
    public static RegexBudget perRule() {
        return new RegexBudget(PER_RULE);
    }

    /** For explaining a verdict after the check: only the per-value budget applies. */
    static RegexBudget unlimited() {
        return new RegexBudget(Long.MAX_VALUE);
    }

    /** What is left now, to {@link #reset} to: a check tested for its truth alone is evaluated again from here. */
    public long mark() {
        return remaining;
    }

    /** Back to what was left at {@code mark}, so that a check evaluated twice spends its budget once. */
    public void reset(long mark) {
        remaining = mark;
    }

    /** Counts one character read; throws {@link Spent} past the limit. */
    void read() {
        if (--remaining < 0) {
            throw new Spent(limit);
        }
    }

    /** The check's regex budget ran out. */
    public static final class Spent extends RuntimeException {
        Spent(long limit) {
            // No stack trace: a verdict on the rule and the input, reported as UNKNOWN.
            super(String.format(Locale.ROOT, "its match and like patterns have read more than %,d characters in "
                    + "this run, Egress Guard's budget for one rule (a pattern that backtracks?)", limit),
                    null, false, false);
        }
    }
}
