package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.ResourceId;

/**
 * One resource a template deploys (one iteration of a copy loop), known by name, type and id
 * before its body is evaluated, so {@code reference()} can find it while other bodies evaluate.
 *
 * @param symbolic   the languageVersion 2.0 symbolic name, or null
 * @param copyIndex  the iteration of the resource's own copy loop, or -1
 * @param condition  the evaluated condition when it is not known to be true (an Unknown), else null
 * @param existing   a languageVersion 2.0 {@code existing} resource: referenced, not deployed
 * @param place      where {@code pointer} leads in the template's source map, found once for all copies
 */
record Instance(String symbolic, int copyIndex, Value.Obj declaration, String pointer, SourceMap.Place place,
                TemplateScope scope,
                String type, String name, ResourceId id, Value condition, boolean existing, Value unknownName) {

    boolean isDeployment() {
        return type.equalsIgnoreCase("Microsoft.Resources/deployments");
    }

    /** The last name segment, as a live resource's name reads. */
    String shortName() {
        return id.name();
    }
}
