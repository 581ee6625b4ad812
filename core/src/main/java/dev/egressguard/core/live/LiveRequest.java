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
 * @param endpoint        the Resource Manager endpoint (sovereign clouds), or null for the public cloud's
 */
public record LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint) {

    public LiveRequest {
        subscriptions = List.copyOf(subscriptions);
    }

    /** How live resources are read. */
    public enum Mode {
        /** One list request per resource type and subscription: exact bodies, best for a few subscriptions. */
        LIST,
        /** Resource Graph queries: many subscriptions or a management group in a few requests. */
        RESOURCE_GRAPH
    }
}
