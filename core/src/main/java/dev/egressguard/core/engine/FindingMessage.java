package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.condition.FieldPath;
import dev.egressguard.core.rule.condition.Values;
import dev.egressguard.core.rule.condition.Verdict;

import java.util.HashMap;
import java.util.Map;

/**
 * The text of a finding: the rule's message template filled in, or the rule's title with the
 * reasons when it has none. An UNKNOWN finding always says what was unknown, even when the
 * template forgot {@code {reason}}.
 */
final class FindingMessage {

    private FindingMessage() {
    }

    static String render(Rule rule, Resource resource, ResourceGraph graph, Verdict verdict) {
        String reason = verdict.reasonText();
        if (rule.message() == null) {
            String head = rule.descriptor().title() + " (" + resource.type() + " '" + resource.name() + "')";
            return reason.isEmpty() ? head : head + ": " + reason;
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", resource.name());
        values.put("type", resource.type());
        values.put("id", resource.id().toString());
        values.put("path", FieldPath.dotted(verdict.path()));
        values.put("value", verdict.value() == null ? "" : Values.text(verdict.value()));
        values.put("reason", reason);
        values.put("parent", resource.id().parent()
                .map(p -> graph.find(p).map(Resource::name).orElse(p.name())).orElse(""));
        String text = rule.message().render(values);
        if (verdict.isUnknown() && !rule.message().uses("reason") && !reason.isEmpty()) {
            text = text + " (unknown: " + reason + ")";
        }
        return text;
    }
}
