package dev.egressguard.core.engine;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.rule.Rule;
import dev.egressguard.core.rule.condition.MessageValues;
import dev.egressguard.core.rule.condition.Verdict;

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
        String text = rule.message().render(MessageValues.of(resource, graph, verdict));
        if (verdict.isUnknown() && !rule.message().uses("reason") && !reason.isEmpty()) {
            text = text + " (unknown: " + reason + ")";
        }
        return text;
    }
}
