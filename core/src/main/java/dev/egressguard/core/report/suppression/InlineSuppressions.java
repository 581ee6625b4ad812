package dev.egressguard.core.report.suppression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.PropertyLocator;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.DidYouMean;
import dev.egressguard.core.source.SourceLocation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads suppressions written next to the resource they concern, in its {@code metadata} (which
 * ARM ignores and Bicep writes with {@code @metadata}):
 * <pre>{@code
 * "metadata": {
 *   "egressGuard": {
 *     "suppress": [
 *       { "rule": "EG001", "justification": "Bastion pool, approved in SEC-42", "expires": "2027-01-31" }
 *     ]
 *   }
 * }
 * }</pre>
 * An entry covers the resource and the children declared inside it (a vnet's inline subnets).
 * A malformed entry is an ERROR diagnostic and suppresses nothing.
 */
final class InlineSuppressions {

    private static final Set<String> KEYS = Set.of("rule", "justification", "expires");

    private InlineSuppressions() {
    }

    /** The entries read and the problems met. */
    public record Loaded(List<SuppressionEntry> entries, List<Diagnostic> diagnostics) {
        public Loaded {
            entries = List.copyOf(entries);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public static Loaded read(Resource resource) {
        Value metadata = resource.body().get("metadata");
        PropertyLocator locator = pointer -> resource.provenance().locate(pointer);
        if (!(metadata instanceof Value.Obj obj)) {
            return new Loaded(List.of(), List.of());
        }
        return read(resource.id().toString(), obj, locator);
    }

    /**
     * Reads the {@code egressGuard.suppress} list of one resource's metadata. {@code locator} finds
     * a JSON pointer relative to the resource body (as {@code /metadata/egressGuard/suppress/0}).
     */
    public static Loaded read(String resourceId, Value.Obj metadata, PropertyLocator locator) {
        Value block = metadata.get("egressGuard");
        if (block == null) {
            return new Loaded(List.of(), List.of());
        }
        String blockKey = metadata.keyOf("egressGuard");
        String base = "/metadata/" + blockKey;
        List<Diagnostic> problems = new ArrayList<>();
        if (!(block instanceof Value.Obj blockObj)) {
            problems.add(error(locator, base, resourceId, "metadata." + blockKey + " must be an object with a 'suppress' list"));
            return new Loaded(List.of(), problems);
        }
        for (String key : blockObj.fields().keySet()) {
            if (!key.equalsIgnoreCase("suppress")) {
                String hint = DidYouMean.closest(key, List.of("suppress")).map(c -> " (did you mean '" + c + "'?)")
                        .orElse("");
                problems.add(error(locator, base + "/" + key, resourceId, "unknown key '" + key + "' in metadata."
                        + blockKey + hint + "; the only key is 'suppress'"));
            }
        }
        Value list = blockObj.get("suppress");
        if (list == null) {
            return new Loaded(List.of(), problems);
        }
        String listPointer = base + "/" + blockObj.keyOf("suppress");
        if (!(list instanceof Value.Arr arr)) {
            problems.add(error(locator, listPointer, resourceId, "'suppress' must be a list of {rule, justification, expires}"));
            return new Loaded(List.of(), problems);
        }
        List<SuppressionEntry> entries = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String pointer = listPointer + "/" + i;
            SourceLocation at = locate(locator, pointer);
            SuppressionEntry entry = entry(resourceId, arr.get(i), at, pointer, locator, problems);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new Loaded(entries, problems);
    }

    private static SuppressionEntry entry(String resourceId, Value item, SourceLocation at, String pointer,
                                          PropertyLocator locator, List<Diagnostic> problems) {
        if (!(item instanceof Value.Obj obj)) {
            problems.add(error(locator, pointer, resourceId, "a suppression must be an object {rule, justification, expires}"));
            return null;
        }
        int before = problems.size();
        for (Map.Entry<String, Value> field : obj.fields().entrySet()) {
            if (KEYS.stream().noneMatch(k -> k.equalsIgnoreCase(field.getKey()))) {
                String hint = DidYouMean.closest(field.getKey(), KEYS).map(c -> " (did you mean '" + c + "'?)")
                        .orElse("");
                problems.add(error(locator, pointer + "/" + field.getKey(), resourceId, "unknown key '" + field.getKey()
                        + "' in a suppression" + hint + "; the keys are rule, justification, expires"));
            }
        }
        String rule = text(obj, "rule", pointer, resourceId, locator, problems, true);
        String justification = text(obj, "justification", pointer, resourceId, locator, problems, true);
        String expiresText = text(obj, "expires", pointer, resourceId, locator, problems, false);
        LocalDate expires = null;
        if (expiresText != null) {
            try {
                expires = LocalDate.parse(expiresText);
            } catch (DateTimeParseException e) {
                problems.add(error(locator, pointer + "/" + obj.keyOf("expires"), resourceId,
                        "'expires' must be a date as YYYY-MM-DD, not '" + expiresText + "'"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return SuppressionEntry.inline(rule, resourceId, justification, expires, at);
    }

    /** A literal, non-blank string; a value computed at deployment cannot decide what is checked. */
    private static String text(Value.Obj obj, String key, String pointer, String resourceId, PropertyLocator locator,
                               List<Diagnostic> problems, boolean required) {
        Value v = obj.get(key);
        if (v == null) {
            if (required) {
                problems.add(error(locator, pointer, resourceId, "a suppression needs '" + key + "'"
                        + (key.equals("justification") ? ": say why the finding is acceptable" : "")));
            }
            return null;
        }
        String at = pointer + "/" + obj.keyOf(key);
        if (v instanceof Value.Unknown u) {
            problems.add(error(locator, at, resourceId, "'" + key + "' must be a literal string, but " + u.describe()));
            return null;
        }
        if (!(v instanceof Value.Str s) || s.value().isBlank()) {
            problems.add(error(locator, at, resourceId, "'" + key + "' must be a non-empty string"));
            return null;
        }
        return s.value().trim();
    }

    private static SourceLocation locate(PropertyLocator locator, String pointer) {
        SourceLocation at = locator.locate(pointer);
        return at == null ? SourceLocation.NONE : at;
    }

    /** Where the location is unknown, the resource id says which resource's metadata is meant. */
    private static Diagnostic error(PropertyLocator locator, String pointer, String resourceId, String message) {
        SourceLocation at = locate(locator, pointer);
        return Diagnostic.error(at, at.isKnown() ? message : message + " (in the metadata of " + resourceId + ")");
    }
}
