package dev.egressguard.core.live;

import java.util.Optional;

/**
 * A request the source refuses before it reads anything: the user's to fix, as a usage error. When
 * one value alone is wrong, {@link #component()} names it by its {@link LiveRequest} component
 * ({@code "cloud"}), so that a shell can name its own flag or parameter for it.
 */
public final class InvalidLiveRequestException extends LiveSourceException {

    private final String component;

    public InvalidLiveRequestException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public InvalidLiveRequestException(String message, String component, Throwable cause) {
        super(message, cause);
        this.component = component;
    }

    /** The request component that is wrong, when it is one alone. */
    public Optional<String> component() {
        return Optional.ofNullable(component);
    }
}
