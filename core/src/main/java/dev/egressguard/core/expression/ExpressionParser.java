package dev.egressguard.core.expression;

import dev.egressguard.core.value.ExpressionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of one ARM expression (without the surrounding brackets) into an {@link Expr}.
 * Errors carry the 0-based character offset in the text. Nesting deeper than
 * {@link #MAX_DEPTH} is rejected so a hostile template cannot overflow the stack.
 */
final class ExpressionParser {

    public static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private ExpressionParser(String text, int from) {
        this.text = text;
        this.pos = from;
    }

    /** Parses a whole expression text such as {@code concat('a', 'b')}. */
    public static Expr parse(String text) {
        return parse(text, 0, text.length());
    }

    /**
     * Parses {@code source[from, to)}; offsets in the tree and in errors count from the start
     * of {@code source}, so for a JSON string {@code "[concat(...)]"} they point into the string.
     */
    public static Expr parse(String source, int from, int to) {
        ExpressionParser p = new ExpressionParser(source.substring(0, to), from);
        p.skipSpace();
        if (p.atEnd()) {
            throw errorAt("The expression is empty", from);
        }
        Expr e = p.expression();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("Unexpected '" + p.text.charAt(p.pos) + "' after the end of the expression");
        }
        return e;
    }

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw error("The expression is nested deeper than " + MAX_DEPTH + " levels");
        }
        Expr e = primary();
        while (true) {
            skipSpace();
            if (peek('.')) {
                int at = pos++;
                skipSpace();
                e = new Expr.PropertyAccess(e, identifier("a property name after '.'"), at);
            } else if (peek('[')) {
                int at = pos++;
                skipSpace();
                Expr index = expression();
                skipSpace();
                expect(']');
                e = new Expr.IndexAccess(e, index, at);
            } else {
                break;
            }
        }
        depth--;
        return e;
    }

    private Expr primary() {
        skipSpace();
        if (atEnd()) {
            throw error("The expression ends where a value was expected");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return stringLiteral();
        }
        if (c == '-' || isDigit(c)) {
            return integerLiteral();
        }
        if (isIdentifierStart(c)) {
            return call();
        }
        throw error("Unexpected '" + c + "' where a function call, string or number was expected");
    }

    private Expr stringLiteral() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw errorAt("The string that starts here is not closed with '", start);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                } else {
                    return new Expr.StringLiteral(sb.toString(), start);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private Expr integerLiteral() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        int digits = pos;
        while (!atEnd() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (digits == pos) {
            throw errorAt("'-' must be followed by digits", start);
        }
        if (!atEnd() && (text.charAt(pos) == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            throw error("Numbers with a fraction are not supported in expressions; use json('1.5')");
        }
        try {
            return new Expr.IntegerLiteral(Long.parseLong(text.substring(start, pos)), start);
        } catch (NumberFormatException e) {
            throw errorAt("The number " + text.substring(start, pos) + " does not fit in a 64-bit integer", start);
        }
    }

    private Expr call() {
        int start = pos;
        String first = identifier("a function name");
        String namespace = null;
        String name = first;
        skipSpace();
        if (peek('.')) {
            pos++;
            skipSpace();
            namespace = first;
            name = identifier("a function name after '" + first + ".'");
            skipSpace();
        }
        if (!peek('(')) {
            String shown = namespace == null ? name : namespace + "." + name;
            throw error("'" + shown + "' must be followed by '(' — every value in an expression is a"
                    + " function call, a 'string' or an integer (write " + shown + "())");
        }
        pos++;
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
            return new Expr.Call(namespace, name, args, start);
        }
        while (true) {
            args.add(expression());
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            if (peek(')')) {
                pos++;
                return new Expr.Call(namespace, name, args, start);
            }
            if (atEnd()) {
                throw error("The argument list of '" + name + "' is not closed with ')'");
            }
            throw error("Expected ',' or ')' in the arguments of '" + name + "' but found '"
                    + text.charAt(pos) + "'");
        }
    }

    private String identifier(String what) {
        if (atEnd() || !isIdentifierStart(text.charAt(pos))) {
            throw error("Expected " + what + (atEnd() ? " but the expression ends" : " but found '" + text.charAt(pos) + "'"));
        }
        int start = pos;
        while (!atEnd() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("Expected '" + c + "'" + (atEnd() ? " but the expression ends" : " but found '" + text.charAt(pos) + "'"));
        }
        pos++;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return !atEnd() && text.charAt(pos) == c;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private ExpressionException error(String message) {
        return errorAt(message, pos);
    }

    private static ExpressionException errorAt(String message, int offset) {
        return new ExpressionException(message + " (at offset " + offset + ")", offset);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
