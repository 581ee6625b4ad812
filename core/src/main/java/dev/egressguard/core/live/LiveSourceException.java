package dev.egressguard.core.live;

/**
 * A live read that could not run at all: the request makes no sense (a subscription id that is
 * not one, subscriptions and a management group together) or nothing could be read (no token).
 * The message is meant for a person and says what to change.
 */
public final class LiveSourceException extends RuntimeException {

    public LiveSourceException(String message) {
        super(message);
    }

    public LiveSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
