package dev.egressguard.azure;

import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import dev.egressguard.core.live.LiveSourceException;

/**
 * {@link AzureAudit} behind core's {@link LiveSource} seam, for callers that find it with
 * {@link java.util.ServiceLoader} (the Maven plugin loads this module only for {@code egress:audit}).
 * Authentication is {@code DefaultAzureCredential}; no progress line is drawn, since such callers
 * write to a build log rather than a terminal.
 */
public final class AzureLiveSource implements LiveSource {

    @Override
    public LiveInventory read(LiveRequest request) {
        AzureAudit audit;
        try {
            audit = configure(request).build();
        } catch (IllegalArgumentException e) {
            throw new LiveSourceException(e.getMessage(), e);
        }
        try {
            return audit.collect();
        } catch (AzureAuditException e) {
            throw new LiveSourceException(e.getMessage(), e);
        }
    }

    /** The builder for a request; it checks ids and scopes, throwing IllegalArgumentException. */
    static AzureAudit.Builder configure(LiveRequest request) {
        AzureAudit.Builder b = AzureAudit.builder().progress(false).subscriptions(request.subscriptions());
        if (request.managementGroup() != null) {
            b.managementGroup(request.managementGroup());
        }
        if (request.mode() != null) {
            b.mode(request.mode() == LiveRequest.Mode.LIST ? AuditMode.LIST : AuditMode.RESOURCE_GRAPH);
        }
        if (request.tenantId() != null) {
            b.tenantId(request.tenantId());
        }
        if (request.cloud() != null) {
            b.cloud(AzureCloud.named(request.cloud()));
        }
        if (request.endpoint() != null) {
            b.endpoint(request.endpoint());
        }
        if (request.authorityHost() != null) {
            b.authorityHost(request.authorityHost());
        }
        return b;
    }
}
