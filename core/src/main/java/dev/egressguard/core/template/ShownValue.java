package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

/**
 * A parameter value as a message shows it, rendered only when a message is built from it (string
 * concatenation calls {@link #toString}): most values pass their checks, and rendering every one
 * up front costs work that no message needs.
 */
record ShownValue(Value value, boolean secure) {

    @Override
    public String toString() {
        return secure ? "<secure>" : ParameterChecks.show(value);
    }
}
