package dev.egressguard.core.rule.condition;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition with {@code because: <text>}: when it is FALSE or UNKNOWN, its reasons are the
 * author's text with placeholders filled in on the resource the condition was evaluated on,
 * instead of the condition's own. An UNKNOWN one still says what was unknown: unless the text
 * uses {@code {reason}}, it reads {@code unknown whether <text>: <what was unknown>}.
 */
record Explained(Condition inner, Text because) implements Condition {

    /** A text with placeholders (the rule language's message templates). */
    public interface Text {
        String render(Map<String, String> values);

        boolean uses(String placeholder);
    }

    public Explained {
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(because, "because");
    }

    @Override
    public Verdict evaluate(EvalContext ctx) {
        Verdict v = inner.evaluate(ctx);
        if (v.isTrue()) {
            return v;
        }
        return Verdict.lazy(v.truth(), v.path(), v.value(), () -> List.of(text(ctx, v)), true);
    }

    @Override
    public Truth test(EvalContext ctx) {
        return inner.test(ctx);
    }

    private String text(EvalContext ctx, Verdict v) {
        String text = because.render(MessageValues.of(ctx.resource(), ctx.graph(), v));
        if (v.isUnknown() && !because.uses("reason")) {
            String reason = v.reasonText();
            text = "unknown whether " + text + (reason.isEmpty() ? "" : ": " + reason);
        }
        return text;
    }
}
