package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;

/**
 * Turns one element of a live list (or one Resource Graph row) into a core resource with its raw
 * JSON as body. The body is never re-serialised from SDK models, so properties newer than the
 * SDK survive; inline children stay in it for the core's normaliser.
 */
final class ResourceFactory {

    private final String portalBase;

    /** {@code portalBase}: {@code https://portal.azure.com} or a sovereign cloud's portal. */
    ResourceFactory(String portalBase) {
        this.portalBase = portalBase.endsWith("/") ? portalBase.substring(0, portalBase.length() - 1) : portalBase;
    }

    /**
     * The resource, its body the element's JSON as it came.
     *
     * @param fallbackType type when the item does not say (it always does in ARM lists)
     * @param apiVersion   the api-version that shaped the body, or null (Resource Graph)
     * @param tenantId     for the portal link; null gives a link without the directory part
     * @throws IllegalArgumentException when the item has no id that parses as a resource id, or holds
     *                                  what the core's JSON reader refuses (a number beyond 1e±400)
     */
    Resource resource(JsonNode item, String fallbackType, String apiVersion, String tenantId) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException("an element of the list is not a JSON object");
        }
        String idText = item.path("id").asText(null);
        ResourceId id = ResourceId.parse(idText).orElseThrow(() -> new IllegalArgumentException(
                idText == null ? "an element of the list has no id" : "'" + idText + "' is not a resource id"));
        String rawType = item.path("type").asText(null);
        String type = ListedType.canonical(rawType != null ? rawType : fallbackType);
        String name = item.path("name").asText(id.name());
        return new Resource(id, type, name, apiVersion, JsonToValue.object(item), Provenance.live(portalLink(tenantId, id)));
    }

    /** {@code https://portal.azure.com/#@<tenant>/resource<id>}. */
    String portalLink(String tenantId, ResourceId id) {
        String tenant = tenantId == null || tenantId.isBlank() ? "" : "@" + tenantId;
        return portalBase + "/#" + tenant + (tenant.isEmpty() ? "" : "/") + "resource" + id;
    }
}
