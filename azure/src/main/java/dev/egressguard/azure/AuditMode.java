package dev.egressguard.azure;

/** How live resources are read. */
public enum AuditMode {
    /** One list request per resource type and subscription (plus pages): exact ARM bodies, best for a few subscriptions. */
    LIST,
    /** Azure Resource Graph queries, 1000 rows a page: many subscriptions or a management group in a few requests. */
    RESOURCE_GRAPH
}
