package dev.egressguard.core.template;

import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.value.Value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the left-out parameter an expression reads ({@link Parameters#isLeftOut}), in its text
 * or in the text of the variables it reads, so that an expression failing only because the
 * checker has no value for an optional parameter is not taken for an invalid template.
 */
final class LeftOutParameters {

    private LeftOutParameters() {
    }

    static Optional<String> readBy(String expressionText, Symbols symbols) {
        Set<String> seenVariables = new HashSet<>();
        Deque<Value> texts = new ArrayDeque<>();
        texts.push(new Value.Str(expressionText));
        while (!texts.isEmpty()) {
            Value v = texts.pop();
            if (v instanceof Value.Arr a) {
                a.items().forEach(texts::push);
            } else if (v instanceof Value.Obj o) {
                o.fields().values().forEach(texts::push);
            } else if (v instanceof Value.Str s) {
                Deque<Expr> nodes = new ArrayDeque<>();
                parse(s.value()).ifPresent(nodes::push);
                while (!nodes.isEmpty()) {
                    Expr e = nodes.pop();
                    if (e instanceof Expr.PropertyAccess p) {
                        nodes.push(p.target());
                    } else if (e instanceof Expr.IndexAccess x) {
                        nodes.push(x.target());
                        nodes.push(x.index());
                    } else if (e instanceof Expr.Call c) {
                        c.args().forEach(nodes::push);
                        String named = c.namespace() == null && c.args().size() == 1
                                && c.args().get(0) instanceof Expr.StringLiteral l ? l.value() : null;
                        if (named != null && c.name().equalsIgnoreCase("parameters")
                                && symbols.parameters().isLeftOut(named)) {
                            return Optional.of(named);
                        }
                        if (named != null && c.name().equalsIgnoreCase("variables")
                                && seenVariables.add(named.toLowerCase(Locale.ROOT))) {
                            Value written = symbols.variables().written(named);
                            if (written != null) {
                                texts.push(written);
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Expr> parse(String text) {
        try {
            return Expressions.parseJsonString(text);
        } catch (ExpressionException unparsable) {
            return Optional.empty();
        }
    }
}
