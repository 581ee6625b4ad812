package dev.egressguard.cli;

/** A problem with what the user gave us (a file that is not there, a bad value): its message is all they need. */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
