package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Unknowns;
import dev.egressguard.core.value.Value;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An operator with its argument, such as {@code equals: Standard} or {@code exists: false}.
 * The negated operators ({@code notEquals}, {@code notIn}, {@code notContains}, {@code notLike},
 * {@code exists: false}) are their positive form with {@code negated} set, so that
 * UNKNOWN stays UNKNOWN under negation and the two can never disagree.
 */
record Operator(String name, Kind kind, boolean negated, Value argument, Pattern pattern) {

    /** Steps a single {@code match} may take before it is UNKNOWN; enough for any sane pattern on ARM values. */
    public static final long REGEX_BUDGET = 1_000_000;

    public enum Kind {
        EQUALS, IN, EXISTS, CONTAINS, STARTS_WITH, ENDS_WITH, LIKE, MATCH,
        GREATER, GREATER_OR_EQUALS, LESS, LESS_OR_EQUALS;

        public boolean isComparison() {
            return this == GREATER || this == GREATER_OR_EQUALS || this == LESS || this == LESS_OR_EQUALS;
        }
    }

    /** The outcome of applying the operator to one value, with why when it is not TRUE. */
    private record Result(Truth truth, String reason) {
    }

    private static final Result PASSED = new Result(Truth.TRUE, "");
    /** Results without a reason, by truth: a test (no reason asked for) runs for every resource and makes none. */
    private static final Result[] QUIET = {PASSED, new Result(Truth.FALSE, ""), new Result(Truth.UNKNOWN, "")};

    private static Result result(Truth truth, String reason) {
        return reason.isEmpty() ? QUIET[truth.ordinal()] : new Result(truth, reason);
    }

    /**
     * Applies the operator to {@code actual} ({@code null} or Null when the property is missing).
     * {@code complete} is false when an Unknown stood on the way to the property.
     */
    public Truth test(Value actual, boolean complete) {
        return test(actual, complete, RegexBudget.unlimited());
    }

    /** The same, drawing on {@code check}, the regex budget of the check it is part of. */
    public Truth test(Value actual, boolean complete, RegexBudget check) {
        return apply(actual, complete, null, check).truth();
    }

    /**
     * Why {@link #test} was not TRUE, naming the property {@code where}. Kept apart from the test
     * because most tests pass or decide nothing, and writing a reason costs more than the test.
     */
    public String reason(Value actual, boolean complete, String where) {
        // Reasons are written after the check, for a value the test has already matched once.
        return apply(actual, complete, where, RegexBudget.unlimited()).reason();
    }

    /** The truth, and the reason when {@code where} is given (null: the caller wants only the truth). */
    private Result apply(Value actual, boolean complete, String where, RegexBudget check) {
        boolean explain = where != null;
        if (actual instanceof Value.Unknown u) {
            if (kind == Kind.EXISTS && complete) {
                return !negated ? PASSED : result(Truth.FALSE,
                        explain ? where + " is written (its value is unknown before deployment)" : "");
            }
            // Only equality can be decided on an unknown: the same symbolic value is equal to itself.
            Truth same = complete && (kind == Kind.EQUALS || kind == Kind.IN) ? positive(u, check) : Truth.UNKNOWN;
            if (same == Truth.UNKNOWN) {
                return result(Truth.UNKNOWN, explain ? where + " is unknown before deployment: " + u.describe() : "");
            }
            Truth truth = negated ? same.not() : same;
            return truth == Truth.TRUE ? PASSED : result(truth, explain ? explain(u, where) : "");
        }
        Value value = actual == Value.Null.INSTANCE ? null : actual;
        Truth base;
        try {
            base = positive(value, check);
        } catch (BudgetedText.BudgetExceeded e) {
            return result(Truth.UNKNOWN, explain ? "pattern '" + pattern.pattern() + "' gave up after "
                    + REGEX_BUDGET + " steps on the " + ConditionValues.text(value).length() + " characters of " + where : "");
        }
        Truth truth = negated ? base.not() : base;
        if (truth == Truth.UNKNOWN) {
            Value.Unknown inside = Unknowns.first(value);
            return result(Truth.UNKNOWN, explain ? where + " holds a value unknown before deployment: "
                    + (inside == null ? ConditionValues.json(value) : inside.describe()) : "");
        }
        return truth == Truth.TRUE ? PASSED : result(truth, explain ? explain(value, where) : "");
    }

    /**
     * The positive operator on a value that is not itself Unknown (or, for equality, may be):
     * UNKNOWN only where an Unknown inside the value decides (an element, an open object's
     * undeclared properties).
     */
    private Truth positive(Value v, RegexBudget check) {
        return switch (kind) {
            case EXISTS -> Truth.of(v != null);
            case EQUALS -> v == null ? Truth.of(argument == Value.Null.INSTANCE) : ConditionValues.equality(v, argument);
            case IN -> inList(v);
            case CONTAINS -> contains(v);
            case STARTS_WITH -> Truth.of(v instanceof Value.Str s && startsWithIgnoringCase(s.value(), text(argument)));
            case ENDS_WITH -> Truth.of(v instanceof Value.Str s && endsWithIgnoringCase(s.value(), text(argument)));
            case LIKE, MATCH -> Truth.of(v != null && ConditionValues.isScalar(v) && matches(ConditionValues.text(v), check));
            case GREATER, GREATER_OR_EQUALS, LESS, LESS_OR_EQUALS -> Truth.of(compare(v));
        };
    }

    /** Kleene OR of equality with each option. */
    private Truth inList(Value v) {
        Truth any = Truth.FALSE;
        // By index: an iterator over the options would be made for every resource tested.
        Value.Arr options = (Value.Arr) argument;
        for (int i = 0; i < options.size(); i++) {
            Value option = options.get(i);
            any = any.or(v == null ? Truth.of(option == Value.Null.INSTANCE) : ConditionValues.equality(v, option));
            if (any == Truth.TRUE) {
                return any;
            }
        }
        return any;
    }

    private Truth contains(Value v) {
        if (v instanceof Value.Str s) {
            return Truth.of(containsIgnoringCase(s.value(), text(argument)));
        }
        if (v instanceof Value.Arr a) {
            Truth any = Truth.FALSE;
            for (int i = 0; i < a.size(); i++) {
                any = any.or(ConditionValues.equality(a.get(i), argument));
                if (any == Truth.TRUE) {
                    return any;
                }
            }
            return any;
        }
        if (v instanceof Value.Obj o) {
            if (!(argument instanceof Value.Str key)) {
                return Truth.FALSE;
            }
            // An open object may hold a key it does not declare.
            return o.has(key.value()) ? Truth.TRUE : o.isOpen() ? Truth.UNKNOWN : Truth.FALSE;
        }
        return Truth.FALSE;
    }

    private boolean matches(String text, RegexBudget check) {
        // like patterns backtrack too ("*a*a*a*"), so both run on the budget.
        CharSequence budgeted = new BudgetedText(text, REGEX_BUDGET, check);
        return kind == Kind.LIKE ? pattern.matcher(budgeted).matches() : pattern.matcher(budgeted).find();
    }

    private boolean compare(Value v) {
        if (v == null) {
            return false;
        }
        int r = ConditionValues.compare(v, argument);
        if (r == ConditionValues.UNORDERED) {
            return false;
        }
        return switch (kind) {
            case GREATER -> r > 0;
            case GREATER_OR_EQUALS -> r >= 0;
            case LESS -> r < 0;
            default -> r <= 0;
        };
    }

    /** For count: the operator on a whole number. */
    public boolean testCount(long n) {
        // Only like and match read the budget.
        boolean r = positive(Value.of(n), kind == Kind.LIKE || kind == Kind.MATCH ? RegexBudget.unlimited() : null) == Truth.TRUE;
        return negated != r;
    }

    private String explain(Value v, String where) {
        if (kind == Kind.EXISTS) {
            return negated ? where + " is set" : where + " is missing";
        }
        String shown = v == null ? "missing" : ConditionValues.json(v);
        return where + " is " + shown + ", expected " + describe();
    }

    /** {@code notEquals "Standard"}: the operator as a person reads it. */
    public String describe() {
        if (kind == Kind.EXISTS) {
            return negated ? "not to exist" : "to exist";
        }
        String arg = kind == Kind.MATCH || kind == Kind.LIKE ? "'" + text(argument) + "'" : ConditionValues.json(argument);
        return name + " " + arg;
    }

    private static String text(Value v) {
        return ConditionValues.text(v);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // The text operators compare lower-cased texts. Lower-casing can change a text's length
    // outside ASCII (U+0130 becomes two chars), so only ASCII texts, nearly all, are compared in
    // place, without making lower-cased copies of both for every resource.

    private static boolean containsIgnoringCase(String text, String part) {
        if (!isAscii(part)) {
            return lower(text).contains(lower(part));
        }
        if (part.isEmpty()) {
            return true;
        }
        // Compared in full only where the first character matches: a notContains reads a long
        // text (an egress reason) on every resource, and most of its positions start nothing.
        // The text is found to be ASCII in the same pass (else it is compared lower-cased, as a
        // whole): past the last start, the rest is only checked for it.
        char first = part.charAt(0);
        char lower = first >= 'A' && first <= 'Z' ? (char) (first + ('a' - 'A')) : first;
        char upper = first >= 'a' && first <= 'z' ? (char) (first - ('a' - 'A')) : first;
        int lastStart = text.length() - part.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return lower(text).contains(lower(part));
            }
            if (i <= lastStart && (c == lower || c == upper) && text.regionMatches(true, i, part, 0, part.length())) {
                // Matched in place; the verdict is the ASCII comparison's only for an ASCII text.
                return isAscii(text, i + 1) || lower(text).contains(lower(part));
            }
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(String text, String part) {
        return isAscii(text) && isAscii(part) ? text.regionMatches(true, 0, part, 0, part.length())
                : lower(text).startsWith(lower(part));
    }

    private static boolean endsWithIgnoringCase(String text, String part) {
        return isAscii(text) && isAscii(part) ? text.regionMatches(true, text.length() - part.length(), part, 0, part.length())
                : lower(text).endsWith(lower(part));
    }

    private static boolean isAscii(String s) {
        return isAscii(s, 0);
    }

    /** Whether {@code s} holds no character outside ASCII from {@code from} on. */
    private static boolean isAscii(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A {@code like} pattern ({@code *} any run, {@code ?} one character) as a case-insensitive regex. */
    public static Pattern likePattern(String like) {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            sb.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

}
