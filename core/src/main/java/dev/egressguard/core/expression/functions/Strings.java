package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.FunctionCall;

/** Guards for functions that build strings whose size an input chooses. */
final class Strings {

    private Strings() {
    }

    /** Rejects a string of {@code length} characters before it is built. */
    static void checkLength(FunctionCall c, long length) {
        if (length > Evaluator.MAX_STRING_LENGTH) {
            throw c.error("would build a string of " + length + " characters, more than the limit of "
                    + Evaluator.MAX_STRING_LENGTH);
        }
    }
}
