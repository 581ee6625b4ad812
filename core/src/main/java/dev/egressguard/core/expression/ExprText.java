package dev.egressguard.core.expression;

import java.util.StringJoiner;

/** Writes a syntax tree back as expression text, for messages and Unknown reasons. */
public final class ExprText {

    private ExprText() {
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
