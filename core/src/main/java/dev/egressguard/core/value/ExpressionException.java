package dev.egressguard.core.value;

/**
 * An expression Azure would reject: a syntax error, an unknown function, a wrong argument type.
 * {@code offset} is the 0-based character offset inside the expression text, or -1.
 */
public class ExpressionException extends RuntimeException {

    private final int offset;

    public ExpressionException(String message) {
        this(message, -1);
    }

    public ExpressionException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
