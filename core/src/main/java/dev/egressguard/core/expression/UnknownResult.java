package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;

/**
 * Thrown by a function body that met an Unknown its result depends on; the evaluator turns it
 * into that Unknown as the call's value. Never escapes the expression package.
 */
final class UnknownResult extends RuntimeException {

    private final Value.Unknown unknown;

    UnknownResult(Value.Unknown unknown) {
        super(unknown.reason(), null, false, false);
        this.unknown = unknown;
    }

    Value.Unknown unknown() {
        return unknown;
    }
}
