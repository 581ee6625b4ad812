package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.model.Provenance;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceId;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one element of a live list (or one Resource Graph row) into core resources: the resource
 * with its raw JSON as body, plus its inline children. The body is never re-serialised from SDK
 * models, so properties newer than the SDK survive.
 */
final class ResourceFactory {

    private final String portalBase;

    /** {@code portalBase}: {@code https://portal.azure.com} or a sovereign cloud's portal. */
    ResourceFactory(String portalBase) {
        this.portalBase = portalBase.endsWith("/") ? portalBase.substring(0, portalBase.length() - 1) : portalBase;
    }

    /**
     * The resource and its inline children.
     *
     * @param fallbackType type when the item does not say (it always does in ARM lists)
     * @param apiVersion   the api-version that shaped the body, or null (Resource Graph)
     * @param tenantId     for the portal link; null gives a link without the directory part
     * @throws IllegalArgumentException when the item has no id that parses as a resource id
     */
    List<Resource> resources(JsonNode item, String fallbackType, String apiVersion, String tenantId) {
        Resource parent = resource(item, fallbackType, apiVersion, tenantId);
        List<Resource> out = new ArrayList<>();
        out.add(parent);
        ListedType listed = ListedType.forType(parent.type());
        if (listed == null) {
            return out;
        }
        for (ListedType.InlineChild child : listed.children()) {
            JsonNode array = item.path("properties").path(child.property());
            if (!array.isArray()) {
                continue;
            }
            String childType = listed.type() + "/" + child.segment();
            for (JsonNode element : array) {
                Resource c = element.isObject() ? child(parent, element, childType, child.segment(), apiVersion, tenantId) : null;
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private Resource resource(JsonNode item, String fallbackType, String apiVersion, String tenantId) {
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

    /**
     * A child with an id (subnet, backend pool) keeps its own JSON. One without (an AKS agent pool
     * profile) is given the shape the child's own API returns: id, name, type, properties.
     * Null for an element with neither id nor name: it names nothing a rule could point at.
     */
    private Resource child(Resource parent, JsonNode element, String childType, String segment, String apiVersion,
                           String tenantId) {
        String name = element.path("name").asText("");
        ResourceId parsed = ResourceId.parse(element.path("id").asText(null)).orElse(null);
        if (parsed != null) {
            return new Resource(parsed, ListedType.canonical(element.path("type").asText(childType)),
                    name.isEmpty() ? parsed.name() : name, apiVersion, JsonToValue.object(element),
                    Provenance.live(portalLink(tenantId, parsed)));
        }
        if (name.isEmpty()) {
            return null;
        }
        ResourceId id = parent.id().child(segment, name);
        ObjectNode shaped = ArmClient.JSON.createObjectNode();
        shaped.put("id", id.toString());
        shaped.put("name", name);
        shaped.put("type", childType);
        ObjectNode properties = ((ObjectNode) element).deepCopy();
        properties.remove("name");
        shaped.set("properties", properties);
        Value.Obj body = JsonToValue.object(shaped);
        return new Resource(id, childType, name, apiVersion, body, Provenance.live(portalLink(tenantId, id)));
    }

    /** {@code https://portal.azure.com/#@<tenant>/resource<id>}. */
    String portalLink(String tenantId, ResourceId id) {
        String tenant = tenantId == null || tenantId.isBlank() ? "" : "@" + tenantId;
        return portalBase + "/#" + tenant + (tenant.isEmpty() ? "" : "/") + "resource" + id;
    }
}
