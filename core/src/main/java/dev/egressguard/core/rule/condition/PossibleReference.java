package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.source.JsonPointers;

import java.util.Optional;

/**
 * Where a candidate referrer's body may refer to a resource without the template saying so:
 * the pointer of the unknown place and why it is unknown. {@code referencedBy} counts a
 * candidate with one of these as "may refer to it" (UNKNOWN), never as "does not" (FALSE).
 *
 * <p>With {@code via}, the via path is walked in the candidate's body ({@link #along}); the
 * reference is at the via position or at its {@code id}. It may be there when, on the way, the
 * walk meets an Unknown (the whole list, one element, the object holding the id: the via
 * position is inside it) or an open object that does not declare the next key (runtime state:
 * the deployment may have it); and at the end, when the id is unknown, or symbolic and naming
 * no resource of the graph but one of the type it names could be this one. Unknowns off the
 * path (an {@code ipAddress} or {@code provisioningState} read back, a password parameter)
 * cannot be the reference at via, so they decide nothing.
 *
 * <p>Without {@code via}, a reference is any id under a reference key at any depth, so every
 * {@link ResourceGraph.UnknownReference} of the candidate counts ({@link #anywhere}) except an
 * unknown id whose symbol names another type.
 */
record PossibleReference(String pointer, String why) {

    /** The first place on {@code via} in {@code candidate}'s body that may hold {@code self}'s id, if any. */
    static Optional<PossibleReference> along(FieldPath via, Resource candidate, Resource self, ResourceGraph graph) {
        return new Walk(via, self, graph).walk(candidate.body(), "", 0);
    }

    /** The first of {@code candidate}'s unknown places that may hold an id of {@code self}'s type, if any. */
    static Optional<PossibleReference> anywhere(Resource candidate, Resource self, ResourceGraph graph) {
        for (ResourceGraph.UnknownReference u : graph.unknownReferencesFrom(candidate)) {
            if (u.mayName(self.type())) {
                return Optional.of(new PossibleReference(u.pointer(), describe(u)));
            }
        }
        return Optional.empty();
    }

    private static String describe(ResourceGraph.UnknownReference u) {
        String where = FieldPath.dotted(u.pointer());
        return switch (u.site()) {
            case ID -> u.value().symbol() != null
                    ? where + " is " + u.value().symbol().render() + ", which names no evaluated resource: "
                            + u.value().describe()
                    : where + " is unknown before deployment: " + u.value().describe();
            case VALUE -> (where.isEmpty() ? "the body" : where) + " is unknown before deployment: " + u.value().describe();
            case UNDECLARED -> (where.isEmpty() ? "the body" : where) + " may hold properties it does not declare: "
                    + u.value().describe();
        };
    }

    /** One walk of a via path; the segments end at the via position, and {@code id} may follow. */
    private record Walk(FieldPath via, Resource self, ResourceGraph graph) {

        private Optional<PossibleReference> walk(Value value, String pointer, int at) {
            int end = via.segments().size();
            if (value instanceof Value.Unknown u) {
                return at >= end ? unknownId(u, pointer) : insideUnknown(u, pointer);
            }
            if (at > end) {
                // The id under the via position: a known id is in the graph's index.
                return Optional.empty();
            }
            if (at == end) {
                return value instanceof Value.Obj o ? key(o, "id", pointer, at) : Optional.empty();
            }
            FieldPath.Segment s = via.segments().get(at);
            if (s instanceof FieldPath.Key k) {
                return value instanceof Value.Obj o ? key(o, k.name(), pointer, at) : Optional.empty();
            }
            if (!(value instanceof Value.Arr arr)) {
                return Optional.empty();
            }
            if (s instanceof FieldPath.Index i) {
                return i.index() < arr.size() ? walk(arr.get(i.index()), pointer + "/" + i.index(), at + 1) : Optional.empty();
            }
            for (int i = 0; i < arr.size(); i++) {
                Optional<PossibleReference> found = walk(arr.get(i), pointer + "/" + i, at + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        private Optional<PossibleReference> key(Value.Obj o, String key, String pointer, int at) {
            String spelled = o.keyOf(key);
            if (spelled != null) {
                return walk(o.get(spelled), pointer + "/" + JsonPointers.escape(spelled), at + 1);
            }
            if (o.isOpen()) {
                String where = FieldPath.dotted(pointer + "/" + JsonPointers.escape(key));
                return Optional.of(new PossibleReference(pointer + "/" + JsonPointers.escape(key),
                        where + " is not declared and may hold the reference: " + o.undeclared(key).describe()));
            }
            return Optional.empty();
        }

        /** An Unknown above the via position: the list, element or object it stands for may hold the id. */
        private Optional<PossibleReference> insideUnknown(Value.Unknown u, String pointer) {
            if (ResourceGraph.isKnownString(u)) {
                return Optional.empty();
            }
            return Optional.of(new PossibleReference(pointer, FieldPath.dotted(pointer)
                    + " is unknown before deployment: " + u.describe()));
        }

        /** An unknown id at the via position: symbolic ones name a resource of the graph, or one of their type. */
        private Optional<PossibleReference> unknownId(Value.Unknown u, String pointer) {
            String where = FieldPath.dotted(pointer);
            if (u.symbol() == null) {
                return Optional.of(new PossibleReference(pointer, where + " is unknown before deployment: " + u.describe()));
            }
            String text = u.symbol().render();
            Optional<ResourceId> id = graph.idOf(text);
            if (id.isPresent() && (graph.find(id.get()).isPresent() || !id.get().isType(self.type()))) {
                // A reference the graph indexed, or one to another type: not this resource either way.
                return Optional.empty();
            }
            return Optional.of(new PossibleReference(pointer, where + " is " + text
                    + ", which names no evaluated resource: " + u.describe()));
        }
    }
}
