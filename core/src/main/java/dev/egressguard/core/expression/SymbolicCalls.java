package dev.egressguard.core.expression;

import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.Symbol;
import dev.egressguard.core.value.ExpressionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function called with symbolic arguments ({@link Symbol}): its result is a symbol too, because
 * ARM evaluates a template deterministically — the same call on the same unknown value gives the
 * same value. Functions that only place their string arguments in the result ({@code concat},
 * {@code format} with plain {@code {n}} items, {@code resourceId} and its kin) run on stand-ins
 * for the symbolic arguments, so the result keeps the structure ARM gives it and
 * {@code resourceId('T', concat(parameters('p'), '-vnet'))} is the same text as the id of the vnet
 * named {@code concat(parameters('p'), '-vnet')}. Any other deterministic function yields an
 * opaque term naming the call ({@code uniqueString(parameters('p'))}). Functions whose result the
 * deployment decides ({@code reference}, {@code pickZones}, ...) stay Unknown without a symbol.
 */
final class SymbolicCalls {

    /** Functions that put their string arguments into the result unchanged, in place. */
    private static final Set<String> PLACING = Set.of("concat", "format", "resourceid", "subscriptionresourceid",
            "tenantresourceid", "extensionresourceid", "managementgroupresourceid");

    /** Functions whose result the deployment decides, whatever their arguments. */
    private static final Set<String> NOT_DETERMINISTIC = Set.of("reference", "references", "pickzones", "providers",
            "newguid", "utcnow", "deployment", "environment");

    /** A format item with alignment or a format string: it transforms the argument. */
    private static final Pattern FORMATTED_ITEM = Pattern.compile("\\{\\d+\\s*[,:]");

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private SymbolicCalls() {
    }

    /**
     * The result of {@code f} on {@code args}, some of which are Unknown ({@code first} is the
     * first): a symbolic Unknown when every Unknown argument has a symbol and the function is
     * deterministic, else {@code first}.
     */
    static Value apply(FunctionDef f, List<Value> args, Value.Unknown first, Scope scope, SourceLocation at) {
        String name = f.name().toLowerCase(Locale.ROOT);
        for (Value v : args) {
            if (v instanceof Value.Unknown u && u.symbol() == null) {
                return u;
            }
        }
        if (name.equals("reference") && args.get(0) instanceof Value.Unknown) {
            // The resource the template names by that same symbol (Scope.reference finds it).
            return scope.reference(args.get(0), args.subList(1, args.size()), at);
        }
        if (NOT_DETERMINISTIC.contains(name) || name.startsWith("list")) {
            return plain(first);
        }
        if (PLACING.contains(name) && placeable(name, args)) {
            Value placed = placed(f, args, first, scope, at);
            if (placed != null) {
                return placed;
            }
        }
        List<String> rendered = new ArrayList<>(args.size());
        int length = 0;
        for (Value v : args) {
            String literal = literalOrNull(v);
            if (literal == null || (length += literal.length()) > MAX_SYMBOL_LENGTH) {
                return plain(first);
            }
            rendered.add(literal);
        }
        return new Value.Unknown(first.reason(), first.at(),
                Symbol.term(f.name() + "(" + String.join(", ", rendered) + ")"));
    }

    /**
     * The longest symbol kept: symbols name resources and ids, which are short; a term built by
     * doubling (a variable that concatenates another twice, many times over) would otherwise grow
     * exponentially. Longer, the value is simply unknown.
     */
    static final int MAX_SYMBOL_LENGTH = 4096;

    private static Value.Unknown plain(Value.Unknown u) {
        return new Value.Unknown(u.reason(), u.at());
    }

    private static String literalOrNull(Value v) {
        try {
            return ExprText.literal(v);
        } catch (ExpressionException tooLarge) {
            return null;
        }
    }

    /** Whether stand-ins give the function's real structure: string joins, plain format items. */
    private static boolean placeable(String name, List<Value> args) {
        if (name.equals("concat")) {
            // concat joins arrays too: only a known string argument says these are strings.
            return args.stream().anyMatch(v -> v instanceof Value.Str)
                    && args.stream().noneMatch(v -> v instanceof Value.Arr || v instanceof Value.Obj);
        }
        if (name.equals("format")) {
            return args.get(0) instanceof Value.Str f && !FORMATTED_ITEM.matcher(f.value()).find();
        }
        return true;
    }

    /** Runs {@code f} with a stand-in text for each symbolic argument and maps them back; null if it can't. */
    private static Value placed(FunctionDef f, List<Value> args, Value.Unknown first, Scope scope,
                                SourceLocation at) {
        List<Value> standIns = new ArrayList<>(args.size());
        List<Symbol> symbols = new ArrayList<>();
        for (Value v : args) {
            if (v instanceof Value.Unknown u) {
                standIns.add(Value.of(OPEN + Integer.toString(symbols.size()) + CLOSE));
                symbols.add(u.symbol());
            } else if (v instanceof Value.Str s && (s.value().indexOf(OPEN) >= 0 || s.value().indexOf(CLOSE) >= 0)) {
                return null;
            } else {
                standIns.add(v);
            }
        }
        Value result;
        try {
            result = f.body().apply(new FunctionCall(f.name(), standIns, scope, at));
        } catch (EvaluationBudget.Exhausted spent) {
            throw spent;
        } catch (RuntimeException e) {
            // The stand-in broke a check the real value might pass (a name with '/'): say nothing more.
            return null;
        }
        if (!(result instanceof Value.Str s)) {
            return null;
        }
        List<Symbol.Part> parts = new ArrayList<>();
        String text = s.value();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(OPEN, i);
            if (open < 0) {
                parts.add(new Symbol.Text(text.substring(i)));
                break;
            }
            parts.add(new Symbol.Text(text.substring(i, open)));
            int close = text.indexOf(CLOSE, open);
            if (close < 0) {
                return null;
            }
            int index;
            try {
                index = Integer.parseInt(text.substring(open + 1, close));
            } catch (NumberFormatException e) {
                return null;
            }
            if (index < 0 || index >= symbols.size()) {
                return null;
            }
            parts.addAll(symbols.get(index).parts());
            i = close + 1;
        }
        Symbol symbol = new Symbol(parts);
        return symbol.render().length() > MAX_SYMBOL_LENGTH ? plain(first)
                : new Value.Unknown(first.reason(), first.at(), symbol);
    }
}
