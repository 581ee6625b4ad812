package dev.egressguard.azure;

import dev.egressguard.core.live.InvalidLiveRequestException;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;

/**
 * {@link AzureAudit} behind core's {@link LiveSource} seam, the one way the CLI and the Maven plugin
 * audit: both find it with {@link java.util.ServiceLoader} (the CLI on its own class path, the
 * plugin in a class loader of its own, only for {@code egress:audit}). Authentication is
 * {@code DefaultAzureCredential}; a progress line is drawn only when the request asks for one, since
 * a build log is no terminal.
 */
public final class AzureLiveSource implements LiveSource {

    @Override
    public LiveInventory read(LiveRequest request) {
        AzureAudit audit;
        try {
            audit = configure(request).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidLiveRequestException(e.getMessage(), e);
        }
        try {
            return audit.collect();
        } catch (AzureAuditException e) {
            throw new LiveSourceException(e.getMessage(), e);
        }
    }

    /**
     * The builder for a request; it checks ids and scopes, throwing IllegalArgumentException, or
     * InvalidLiveRequestException naming the component when one value alone is wrong (a cloud's name).
     */
    static AzureAudit.Builder configure(LiveRequest request) {
        AzureAudit.Builder b = AzureAudit.builder().subscriptions(request.subscriptions());
        if (request.progress() == LiveRequest.Progress.NONE) {
            // Otherwise the builder's default: a progress line while the JVM has a console.
            b.progress(false);
        }
        if (request.managementGroup() != null) {
            b.managementGroup(request.managementGroup());
        }
        if (request.mode() != null) {
            b.mode(request.mode());
        }
        if (request.tenantId() != null) {
            b.tenantId(request.tenantId());
        }
        if (request.cloud() != null) {
            b.cloud(cloud(request.cloud()));
        }
        if (request.endpoint() != null) {
            b.endpoint(request.endpoint());
        }
        if (request.authorityHost() != null) {
            b.authorityHost(request.authorityHost());
        }
        return b;
    }

    private static AzureCloud cloud(String name) {
        try {
            return AzureCloud.named(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidLiveRequestException(e.getMessage(), "cloud", e);
        }
    }
}
