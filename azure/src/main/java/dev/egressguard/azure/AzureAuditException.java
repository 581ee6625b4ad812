package dev.egressguard.azure;

/**
 * The audit could not run at all: no token, no subscription list, a scope that makes no sense.
 * Problems with one subscription or one resource type are not exceptions but gaps in the result.
 */
public final class AzureAuditException extends RuntimeException {

    public AzureAuditException(String message) {
        super(message);
    }

    public AzureAuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
