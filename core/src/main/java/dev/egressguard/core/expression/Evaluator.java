package dev.egressguard.core.expression;

import dev.egressguard.core.source.Excerpt;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.JsonLimits;
import dev.egressguard.core.value.ExpressionException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Evaluates an {@link Expr} against a {@link Scope}. Function names and property names are
 * matched case-insensitively. An Unknown argument makes a call Unknown unless the function
 * says otherwise; see {@link FunctionDef#propagatesUnknown()}.
 */
public final class Evaluator {

    /**
     * Nested evaluation steps on one thread, across variables that use variables. The deepest
     * template of shared/corpus and shared/corpus-avm nests 23; at 512 a cycle of variables could
     * overflow a thread's default 1 MB stack before the guard spoke (each level is several frames
     * through the variable's own evaluation), so the guard speaks at 256.
     */
    public static final int MAX_DEPTH = 256;
    /**
     * The longest string an expression may build (padLeft, format, replace, concat): 4 MB, the
     * size Azure allows for a whole template once expanded, variables and parameters included.
     */
    public static final int MAX_STRING_LENGTH = JsonLimits.MAX_STRING_LENGTH;
    /** The most elements an expression may build into one array. */
    public static final int MAX_ARRAY_LENGTH = JsonLimits.MAX_ARRAY_LENGTH;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Scope scope;
    private final EvaluationBudget budget;
    private final SourceLocation at;
    private final FunctionLibrary library;
    /**
     * This thread's {@link #DEPTH}, looked up at the first step rather than at every one (an
     * evaluator evaluates one expression, on the thread that made it).
     */
    private int[] depth;
    /** Made on the first lambda: most evaluators are one expression without any, and an empty deque is 80 bytes. */
    private Deque<Map<String, Value>> lambdaFrames;

    public Evaluator(Scope scope, SourceLocation at) {
        this(scope, at, scope.functions());
    }

    public Evaluator(Scope scope, SourceLocation at, FunctionLibrary library) {
        this.scope = scope;
        this.budget = scope.budget();
        this.at = at == null ? SourceLocation.NONE : at;
        this.library = library;
    }

    public Scope scope() {
        return scope;
    }

    public SourceLocation at() {
        return at;
    }

    public Value evaluate(Expr e) {
        budget.step(at);
        int[] depth = this.depth;
        if (depth == null) {
            depth = DEPTH.get();
            this.depth = depth;
        }
        if (++depth[0] > MAX_DEPTH) {
            depth[0]--;
            throw new ExpressionException("Expressions are nested deeper than " + MAX_DEPTH
                    + " levels (do variables refer to each other in a cycle?)", e.offset());
        }
        try {
            return evaluateNode(e);
        } catch (StackOverflowError overflow) {
            // Values nested thousands deep (built by reduce(), say) can exhaust the stack in a
            // function that walks them; the outermost evaluation turns that into an error.
            if (depth[0] == 1) {
                throw new ExpressionException("The expression builds or reads values nested too deeply to evaluate",
                        e.offset());
            }
            throw overflow;
        } finally {
            depth[0]--;
        }
    }

    private Value evaluateNode(Expr e) {
        if (e instanceof Expr.StringLiteral s) {
            return new Value.Str(s.value());
        }
        if (e instanceof Expr.IntegerLiteral i) {
            return Value.of(i.value());
        }
        if (e instanceof Expr.PropertyAccess p) {
            Value target = evaluate(p.target());
            if (target instanceof Value.Unknown u) {
                return member(u, p.target(), e, "." + p.name());
            }
            return property(target, p.name(), p.offset());
        }
        if (e instanceof Expr.IndexAccess x) {
            Value target = evaluate(x.target());
            if (target instanceof Value.Unknown u) {
                Value index = evaluate(x.index());
                String literal = index instanceof Value.Str || index instanceof Value.Int ? ExprText.literal(index) : null;
                return member(u, x.target(), e, literal == null ? null : "[" + literal + "]");
            }
            return index(target, evaluate(x.index()), x.offset());
        }
        return call((Expr.Call) e);
    }

    /**
     * An Unknown whose reason is "depends on X", where X is the text of the expression that
     * yielded it, names the member read from it too: "depends on reference('vnet').outputs.id".
     */
    private static Value narrowed(Value.Unknown u, Expr target, Expr access) {
        String dependsOn = "depends on " + ExprText.render(target);
        String reason = u.reason().equals(dependsOn) ? "depends on " + ExprText.render(access) : u.reason();
        return new Value.Unknown(reason, u.at(), null);
    }

    /**
     * A member of a symbolic value is symbolic too ({@code parameters('cfg').name}); read from
     * a symbol with literal text around its term (a string), it is just unknown.
     */
    private static Value member(Value.Unknown u, Expr target, Expr access, String memberText) {
        Value narrowed = narrowed(u, target, access);
        if (u.symbol() == null || !u.symbol().isTerm() || memberText == null) {
            return narrowed;
        }
        String expression = u.symbol().expression() + memberText;
        return new Value.Unknown(((Value.Unknown) narrowed).reason(), u.at(),
                expression.length() > SymbolicCalls.MAX_SYMBOL_LENGTH ? null : Symbol.term(expression));
    }

    private Value property(Value target, String name, int offset) {
        if (target instanceof Value.Unknown) {
            return target;
        }
        if (target instanceof Value.Obj o) {
            Value v = o.read(name);
            if (v == null) {
                throw new MissingPropertyException(name, List.copyOf(o.fields().keySet()), offset);
            }
            return v;
        }
        String message = "The language expression property '" + name + "' can't be evaluated: the value is "
                + FunctionCall.describe(target) + ", not an object";
        throw target instanceof Value.Null ? new NullAccessException(message, offset)
                : new ExpressionException(message, offset);
    }

    private Value index(Value target, Value index, int offset) {
        if (target instanceof Value.Unknown) {
            return target;
        }
        if (index instanceof Value.Unknown u) {
            return new Value.Unknown(u.reason(), u.at());
        }
        if (target instanceof Value.Arr a && index instanceof Value.Int i) {
            if (i.value() < 0 || i.value() >= a.size()) {
                throw new ExpressionException("The language expression index " + i.value()
                        + " is out of range: the array has " + a.size() + " elements", offset);
            }
            return a.get((int) i.value());
        }
        if (target instanceof Value.Obj && index instanceof Value.Str s) {
            return property(target, s.value(), offset);
        }
        String message = "Can't index " + FunctionCall.describe(target) + " with " + FunctionCall.describe(index);
        throw target instanceof Value.Null ? new NullAccessException(message, offset)
                : new ExpressionException(message, offset);
    }

    private Value call(Expr.Call c) {
        try {
            if (c.namespace() != null) {
                return scope.callUserFunction(c.namespace(), c.name(), evaluateAll(c.args()), at);
            }
            FunctionLibrary.Resolved resolved = library.resolve(c.name());
            if (resolved.form() != null) {
                Value result = checkSize(resolved.form().apply(this, c), c);
                // if() with a known condition is the branch it takes, symbol and all.
                return c.name().equalsIgnoreCase("if") ? result : withoutPassedSymbol(result);
            }
            FunctionDef f = resolved.function();
            if (f == null) {
                if (c.name().toLowerCase(Locale.ROOT).startsWith("list")) {
                    evaluateAll(c.args());
                    return Value.unknown(c.name() + "() is only known at deployment", at);
                }
                throw new ExpressionException("The template function " + Excerpt.quoted(c.name()) + " is not valid", c.offset());
            }
            if (!f.accepts(c.args().size())) {
                throw new ExpressionException("The template function '" + f.name() + "' expects "
                        + f.arityText() + " but got " + c.args().size(), c.offset());
            }
            List<Value> args = evaluateAll(c.args());
            if (f.propagatesUnknown()) {
                // By index: an iterator per call was a tenth of what evaluating allocated.
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Value.Unknown u) {
                        return SymbolicCalls.apply(f, args, u, scope, at);
                    }
                }
            }
            Value result = checkSize(apply(f, args, c), c);
            return f.propagatesUnknown() ? result : withoutPassedSymbol(result);
        } catch (UnknownResult u) {
            return withoutPassedSymbol(u.unknown());
        } catch (MissingPropertyException e) {
            throw e.offset() < 0 ? new MissingPropertyException(e.property(), e.available(), c.offset()) : e;
        } catch (ExpressionException e) {
            if (e.offset() < 0) {
                throw new ExpressionException(e.getMessage(), c.offset());
            }
            throw e;
        }
    }

    /**
     * An Unknown a function hands on from one of its arguments is not that argument's value:
     * {@code if(parameters('x'), 'a', 'b')} or {@code coalesce(parameters('x'), 'y')} is not
     * {@code parameters('x')}. Only {@link SymbolicCalls} gives a call's result a symbol.
     */
    private static Value withoutPassedSymbol(Value v) {
        return v instanceof Value.Unknown u && u.symbol() != null ? new Value.Unknown(u.reason(), u.at()) : v;
    }

    /**
     * Runs a function body. Java's own refusals of an argument (a date out of range, a number
     * that does not parse) are Azure's refusals too, so they become ExpressionExceptions.
     */
    private Value apply(FunctionDef f, List<Value> args, Expr.Call c) {
        try {
            return f.body().apply(new FunctionCall(f.name(), args, scope, at));
        } catch (java.time.DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new ExpressionException("The template function '" + f.name() + "' can't handle its arguments: "
                    + e.getMessage(), c.offset());
        }
    }

    private Value checkSize(Value v, Expr.Call c) {
        budget.built(v, at);
        if (v instanceof Value.Str s && s.value().length() > MAX_STRING_LENGTH) {
            throw new ExpressionException("The template function '" + c.name() + "' would build a string of "
                    + s.value().length() + " characters, more than the limit of " + MAX_STRING_LENGTH, c.offset());
        }
        return v;
    }

    public List<Value> evaluateAll(List<Expr> exprs) {
        // Most calls have one or two arguments: an immutable list of them is what FunctionCall
        // keeps without copying it once more.
        if (exprs.size() == 1) {
            return List.of(evaluate(exprs.get(0)));
        }
        if (exprs.size() == 2) {
            Value first = evaluate(exprs.get(0));
            return List.of(first, evaluate(exprs.get(1)));
        }
        Value[] values = new Value[exprs.size()];
        boolean anyNull = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = evaluate(exprs.get(i));
            anyNull |= values[i] == null;
        }
        // As one immutable list too (FunctionCall keeps it as it is); a list that holds a null
        // stays one that can, as it always was.
        return anyNull ? new ArrayList<>(Arrays.asList(values)) : List.of(values);
    }

    /**
     * Evaluates an argument that ARM reaches only if {@code decider}, known only at deployment,
     * lets it: what the argument would reject is then no certain error, and the Unknown stands
     * for the whole result ({@code and(?, x.missing)} fails only if ? turns out true).
     */
    public Value evaluateAfter(Value.Unknown decider, Expr argument) {
        try {
            return evaluate(argument);
        } catch (ExpressionException rejected) {
            throw new UnknownResult(decider);
        }
    }

    /** Evaluates {@code body} with lambda variables bound (names are case-insensitive). */
    public Value withLambdaVariables(Map<String, Value> variables, Supplier<Value> body) {
        Map<String, Value> frame = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        frame.putAll(variables);
        if (lambdaFrames == null) {
            lambdaFrames = new ArrayDeque<>();
        }
        lambdaFrames.push(frame);
        try {
            return body.get();
        } finally {
            lambdaFrames.pop();
        }
    }

    /** The innermost binding of a lambda variable, or null outside any lambda that declares it. */
    public Value lambdaVariable(String name) {
        if (lambdaFrames == null) {
            return null;
        }
        for (Map<String, Value> frame : lambdaFrames) {
            Value v = frame.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Runs a function body the way a call would, turning an Unknown it meets into the result. */
    public static Value guarded(Supplier<Value> body) {
        try {
            return body.get();
        } catch (UnknownResult u) {
            return u.unknown();
        }
    }
}
