package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Unknowns;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.ExpressionException;

import java.util.List;

/**
 * One call of a built-in function with its evaluated arguments: what a function body sees.
 * The typed accessors reject a wrong argument type with a message that names the function,
 * as Azure does.
 */
public record FunctionCall(String name, List<Value> args, Scope scope, SourceLocation at) {

    public FunctionCall {
        args = List.copyOf(args);
    }

    public int count() {
        return args.size();
    }

    public Value arg(int i) {
        return args.get(i);
    }

    public String string(int i) {
        Value v = args.get(i);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw wrongType(i, "a string", v);
    }

    public long integer(int i) {
        Value v = args.get(i);
        if (v instanceof Value.Int n) {
            return n.value();
        }
        throw wrongType(i, "an integer", v);
    }

    /** An integer argument that must fit an int (an index, a length, a width). */
    public int smallInt(int i) {
        long n = integer(i);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw error("argument " + (i + 1) + " (" + n + ") is out of range");
        }
        return (int) n;
    }

    public boolean bool(int i) {
        Value v = args.get(i);
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        throw wrongType(i, "a boolean", v);
    }

    public Value.Arr array(int i) {
        Value v = args.get(i);
        if (v instanceof Value.Arr a) {
            return a;
        }
        throw wrongType(i, "an array", v);
    }

    public Value.Obj object(int i) {
        Value v = args.get(i);
        if (v instanceof Value.Obj o) {
            return o;
        }
        throw wrongType(i, "an object", v);
    }

    /**
     * {@code v} itself when no Unknown hides anywhere inside it; otherwise the call's result is
     * that Unknown (for functions whose result depends on every part of a value).
     */
    public Value known(Value v) {
        Value.Unknown u = Unknowns.first(v);
        if (u != null) {
            throw new UnknownResult(u);
        }
        return v;
    }

    public ExpressionException error(String message) {
        return new ExpressionException("The template function '" + name + "' " + message);
    }

    public ExpressionException wrongType(int i, String expected, Value actual) {
        return error("expects " + expected + " as argument " + (i + 1) + " but got " + describe(actual));
    }

    /** A value for an error message: its type and (shortened) JSON. */
    public static String describe(Value v) {
        String shown;
        try {
            shown = JsonText.write(v, 200);
        } catch (ExpressionException tooLong) {
            shown = "...";
        }
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return v.typeName() + " " + shown;
    }
}
