package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;
import dev.egressguard.core.source.Excerpt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;

/** add, copyIndex, div, float, int, max, min, mod, mul, sub. ARM integers are 64-bit. */
final class NumericFunctions {

    private NumericFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "add" -> b.add(name, 2, 2, c -> arithmetic(c, Math::addExact));
            case "sub" -> b.add(name, 2, 2, c -> arithmetic(c, Math::subtractExact));
            case "mul" -> b.add(name, 2, 2, c -> arithmetic(c, Math::multiplyExact));
            case "div" -> b.add(name, 2, 2, c -> divide(c, false));
            case "mod" -> b.add(name, 2, 2, c -> divide(c, true));
            case "int" -> b.add(name, 1, 1, NumericFunctions::toInt);
            case "float" -> b.add(name, 1, 1, NumericFunctions::toFloat);
            case "max" -> b.add(name, 1, -1, c -> extreme(c, true));
            case "min" -> b.add(name, 1, -1, c -> extreme(c, false));
            case "copyIndex" -> b.add(name, 0, 2, NumericFunctions::copyIndex);
        }
    }

    private static Value arithmetic(FunctionCall c, LongBinaryOperator op) {
        long a = c.integer(0);
        long b = c.integer(1);
        try {
            return Value.of(op.applyAsLong(a, b));
        } catch (ArithmeticException e) {
            throw c.error("overflows a 64-bit integer with " + a + " and " + b);
        }
    }

    /** Integer division truncates toward zero and the remainder takes the dividend's sign, as in .NET. */
    private static Value divide(FunctionCall c, boolean remainder) {
        long a = c.integer(0);
        long b = c.integer(1);
        if (b == 0) {
            throw c.error("can't divide by zero");
        }
        if (a == Long.MIN_VALUE && b == -1) {
            return remainder ? Value.of(0) : Value.of(a);
        }
        return Value.of(remainder ? a % b : a / b);
    }

    private static Value toInt(FunctionCall c) {
        Value v = c.arg(0);
        if (v instanceof Value.Int) {
            return v;
        }
        if (v instanceof Value.Num n) {
            BigDecimal whole = n.value().setScale(0, java.math.RoundingMode.DOWN);
            if (!JsonText.isSaneNumber(n.value()) || whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw c.error("can't convert " + n.value() + " to a 64-bit integer");
            }
            return Value.of(whole.longValueExact());
        }
        if (v instanceof Value.Str s) {
            try {
                return Value.of(Long.parseLong(s.value().trim()));
            } catch (NumberFormatException e) {
                throw c.error("can't convert " + Excerpt.quoted(s.value()) + " to an integer");
            }
        }
        throw c.wrongType(0, "a string or integer", v);
    }

    private static Value toFloat(FunctionCall c) {
        Value v = c.arg(0);
        if (Values.isNumber(v)) {
            return new Value.Num(Values.decimal(v));
        }
        if (v instanceof Value.Str s) {
            BigDecimal d;
            try {
                d = new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                throw c.error("can't convert " + Excerpt.quoted(s.value()) + " to a number");
            }
            if (!JsonText.isSaneNumber(d)) {
                throw c.error("can't convert " + Excerpt.quoted(s.value()) + ": it is outside the range Azure accepts (about 1e±308)");
            }
            return new Value.Num(d);
        }
        throw c.wrongType(0, "a string or number", v);
    }

    /** max/min of integers given one by one or as one array. */
    private static Value extreme(FunctionCall c, boolean max) {
        List<Value> items = new ArrayList<>();
        if (c.count() == 1 && c.arg(0) instanceof Value.Arr a) {
            items.addAll(a.items());
        } else {
            items.addAll(c.args());
        }
        if (items.isEmpty()) {
            throw c.error("needs at least one value");
        }
        Value best = null;
        for (Value item : items) {
            Value v = c.known(item);
            if (!Values.isNumber(v)) {
                throw c.error("expects integers but got " + v.typeName());
            }
            if (best == null) {
                best = v;
            } else {
                int cmp = Values.decimal(v).compareTo(Values.decimal(best));
                if (max ? cmp > 0 : cmp < 0) {
                    best = v;
                }
            }
        }
        return best;
    }

    /** copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset). */
    private static Value copyIndex(FunctionCall c) {
        String loop = null;
        long offset = 0;
        if (c.count() >= 1) {
            if (c.arg(0) instanceof Value.Str s) {
                loop = s.value();
                if (c.count() == 2) {
                    offset = c.integer(1);
                }
            } else if (c.count() == 1) {
                offset = c.integer(0);
            } else {
                throw c.wrongType(0, "a loop name", c.arg(0));
            }
        }
        try {
            return Value.of(Math.addExact(c.scope().copyIndex(loop), offset));
        } catch (ArithmeticException e) {
            throw c.error("overflows a 64-bit integer");
        }
    }
}
