package dev.egressguard.core.expression;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of one ARM template expression (the text between {@code [} and {@code ]}).
 * {@code offset} is the 0-based position of the node in the expression text, for error messages.
 */
public sealed interface Expr {

    int offset();

    /** {@code 'it''s'} — the value with {@code ''} already reduced to {@code '}. */
    record StringLiteral(String value, int offset) implements Expr {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code 42}, {@code -1}. ARM has no fractional literals. */
    record IntegerLiteral(long value, int offset) implements Expr {
    }

    /**
     * {@code name(args)} or {@code namespace.name(args)} (a user-defined function).
     * {@code namespace} is null for built-in functions.
     */
    record Call(String namespace, String name, List<Expr> args, int offset) implements Expr {
        public Call {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }

        /** The name as written, for messages: {@code ns.fn} or {@code fn}. */
        public String displayName() {
            return namespace == null ? name : namespace + "." + name;
        }
    }

    /** {@code target.name}. */
    record PropertyAccess(Expr target, String name, int offset) implements Expr {
        public PropertyAccess {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code target[index]}: an array index or, with a string, a property name. */
    record IndexAccess(Expr target, Expr index, int offset) implements Expr {
        public IndexAccess {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(index, "index");
        }
    }
}
