package dev.egressguard.azure;

/** A subscription the audit reads: its id, the name people know it by, and its directory (for portal links). */
record Subscription(String id, String displayName, String tenantId) {

    /** "Contoso Prod (1234...)" or just the id. */
    String label() {
        return displayName == null || displayName.isBlank() || displayName.equals(id) ? id : displayName + " (" + id + ")";
    }
}
