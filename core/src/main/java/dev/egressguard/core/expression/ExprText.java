package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Unknowns;
import dev.egressguard.core.value.JsonText;
import java.util.StringJoiner;

/** Writes a syntax tree back as expression text, for messages and Unknown reasons. */
public final class ExprText {

    private ExprText() {
    }

    /** A string literal as an expression writes it: {@code 'it''s'}. */
    public static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * An expression that yields {@code v}: a literal, {@code json('...')} for containers and
     * numbers, a symbol's expression for a symbolic Unknown; null for an Unknown without one.
     */
    public static String literal(Value v) {
        if (v instanceof Value.Str s) {
            return quote(s.value());
        }
        if (v instanceof Value.Int i) {
            return Long.toString(i.value());
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? "true()" : "false()";
        }
        if (v instanceof Value.Null) {
            return "null()";
        }
        if (v instanceof Value.Unknown u) {
            return u.symbol() == null ? null : u.symbol().expression();
        }
        if (Unknowns.containsUnknown(v)) {
            return null;
        }
        return "json(" + quote(JsonText.write(v, Evaluator.MAX_STRING_LENGTH)) + ")";
    }

    public static String render(Expr e) {
        StringBuilder sb = new StringBuilder();
        render(e, sb);
        return sb.toString();
    }

    private static void render(Expr e, StringBuilder sb) {
        if (e instanceof Expr.StringLiteral s) {
            sb.append('\'').append(s.value().replace("'", "''")).append('\'');
        } else if (e instanceof Expr.IntegerLiteral i) {
            sb.append(i.value());
        } else if (e instanceof Expr.PropertyAccess p) {
            render(p.target(), sb);
            sb.append('.').append(p.name());
        } else if (e instanceof Expr.IndexAccess x) {
            render(x.target(), sb);
            sb.append('[');
            render(x.index(), sb);
            sb.append(']');
        } else {
            Expr.Call c = (Expr.Call) e;
            sb.append(c.displayName());
            StringJoiner args = new StringJoiner(", ", "(", ")");
            for (Expr arg : c.args()) {
                args.add(render(arg));
            }
            sb.append(args);
        }
    }
}
