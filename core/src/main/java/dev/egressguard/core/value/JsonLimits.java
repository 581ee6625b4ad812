package dev.egressguard.core.value;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.Locale;

/**
 * What the JSON reader refuses before any value is built, and how to say so in plain words
 * (Jackson's own messages name its settings, such as {@code StreamReadConstraints.getMaxNumberLength()}).
 */
public final class JsonLimits {

    /** Arrays and objects inside each other: real templates nest a few dozen levels. */
    public static final int MAX_NESTING = 1_000;
    /**
     * The longest string a value may hold when expressions build it: 4 MB, the size Azure allows for
     * a whole template once expanded ({@code Evaluator.MAX_STRING_LENGTH} is this limit).
     */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** The most elements of one array a value may hold ({@code Evaluator.MAX_ARRAY_LENGTH}). */
    public static final int MAX_ARRAY_LENGTH = 1_000_000;
    /** Characters of one number: a double has at most 17 significant digits and an exponent of 3. */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /**
     * How long a number the tokenizer takes before the template reader can look at it and say
     * where it is: past this, the tokenizer's own limit speaks (its place is then where it stopped).
     */
    public static final int READER_NUMBER_LENGTH = 10 * MAX_NUMBER_LENGTH;
    /** Characters of one property name: Azure's longest names are a few hundred characters. */
    public static final int MAX_NAME_LENGTH = 50_000;

    private JsonLimits() {
    }

    public static final String TOO_DEEP = "the JSON nests arrays and objects more than " + MAX_NESTING
            + " levels deep; it is not read";
    public static final String TOO_LONG_NUMBER = "a number is longer than " + MAX_NUMBER_LENGTH
            + " characters; it is not read";

    public static String explain(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("depth")) {
            return TOO_DEEP;
        }
        if (m.contains("number")) {
            return TOO_LONG_NUMBER;
        }
        if (m.contains("name")) {
            return "a property name is longer than " + MAX_NAME_LENGTH + " characters; it is not read";
        }
        return "the JSON is larger than this tool reads; it is not read";
    }
}
