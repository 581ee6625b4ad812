package dev.egressguard.core.live;

/**
 * A live read that could not run at all: the request makes no sense (a subscription id that is
 * not one, subscriptions and a management group together: {@link InvalidLiveRequestException}) or
 * nothing could be read (no token). The message is meant for a person and says what to change.
 */
public sealed class LiveSourceException extends RuntimeException permits InvalidLiveRequestException {

    public LiveSourceException(String message) {
        super(message);
    }

    public LiveSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
