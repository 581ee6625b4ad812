package dev.egressguard.core.expression;

import dev.egressguard.core.value.ExpressionException;

/**
 * {@code x.name} or {@code x[i]} where x is null. A subclass so that callers can tell it apart
 * without parsing text: a property a template declares as null may hold something else once
 * Azure has deployed it, so read through reference() it is no certain error.
 */
public final class NullAccessException extends ExpressionException {

    public NullAccessException(String message, int offset) {
        super(message, offset);
    }
}
