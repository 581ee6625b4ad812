package dev.egressguard.core.live;

import java.net.URI;
import java.util.List;

/**
 * What to read, as a user gave it; the {@link LiveSource} checks the values (an id's form, scopes
 * that exclude each other) because only it knows the cloud's rules.
 *
 * @param subscriptions   subscription ids; empty means every subscription the identity can see
 * @param managementGroup a management group to read instead of subscriptions, or null
 * @param mode            how to read, or null for the source's default (list, or Resource Graph for a management group)
 * @param tenantId        the directory for portal links, or null to take it from the subscription list
 * @param endpoint        the Resource Manager endpoint (Azure Stack Hub, a private cloud), or null for the cloud's
 * @param cloud           the cloud by its {@code az cloud} name ({@code AzureChinaCloud}...), or null for the public cloud
 * @param authorityHost   where to sign in, or null for {@code AZURE_AUTHORITY_HOST}, else the cloud's
 */
public record LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint,
                          String cloud, URI authorityHost) {

    public LiveRequest {
        subscriptions = List.copyOf(subscriptions);
    }

    /** A request in the public cloud, or at an endpoint, signing in where the environment says. */
    public LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint) {
        this(subscriptions, managementGroup, mode, tenantId, endpoint, null, null);
    }

    /** How live resources are read. */
    public enum Mode {
        /** One list request per resource type and subscription: exact bodies, best for a few subscriptions. */
        LIST,
        /** Resource Graph queries: many subscriptions or a management group in a few requests. */
        RESOURCE_GRAPH
    }
}
