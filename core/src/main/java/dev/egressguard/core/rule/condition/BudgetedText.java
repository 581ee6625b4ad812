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

    BudgetedText(String text, long budget) {
        this(text, new long[] {budget});
    }

    private BudgetedText(String text, long[] remaining) {
        this.text = text;
        this.remaining = remaining;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.substring(start, end), remaining);
    }

    @Override
    public String toString() {
        return text;
    }
}
