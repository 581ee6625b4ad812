package dev.egressguard.core.live;

/**
 * Reads deployed resources for {@code audit}: the seam between the callers (Maven plugin, CLI,
 * embedders) and a cloud SDK. Core defines it so that a caller can ask for a live read without
 * having the SDK on its own class path: the implementation (module {@code egress-guard-azure},
 * {@code dev.egressguard.azure.AzureLiveSource}) is registered in
 * {@code META-INF/services/dev.egressguard.core.live.LiveSource} and found with
 * {@link java.util.ServiceLoader}, which lets the Maven plugin load it, with its SDK, in a class
 * loader of its own only when {@code egress:audit} runs.
 */
public interface LiveSource {

    /**
     * Reads every scope of the request. Problems with one subscription or resource type are gaps
     * in the result, and the rest is still read.
     *
     * @throws LiveSourceException when the request is invalid or nothing can be read (no token, no subscription list)
     */
    LiveInventory read(LiveRequest request);
}
