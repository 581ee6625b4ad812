package dev.egressguard.core.rule.condition;

/**
 * A string that counts how often the regex engine reads it and gives up past a budget. Java's
 * regex engine backtracks, so a pattern like {@code (a+)+$} can take exponential time on a long
 * value; every backtracking step reads a character, so counting reads bounds the work.
 */
final class BudgetedText implements CharSequence {

    /** Thrown when a match has read more characters than its budget allows. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final long[] remaining;
    private final RegexBudget check;

    /** {@code budget} for this value; {@code check} for all values of the check together. */
    BudgetedText(String text, long budget, RegexBudget check) {
        this(text, new long[] {budget}, check);
    }

    private BudgetedText(String text, long[] remaining, RegexBudget check) {
        this.text = text;
        this.remaining = remaining;
        this.check = check;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        check.read();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.substring(start, end), remaining, check);
    }

    @Override
    public String toString() {
        return text;
    }
}
