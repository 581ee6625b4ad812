package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * String functions. The collection functions Azure also defines for strings (concat, contains,
 * empty, first, last, indexOf, length, skip, take) live in {@link ArrayFunctions}; encodings in
 * {@link EncodingFunctions}.
 */
final class StringFunctions {

    private StringFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "endsWith" -> b.add(name, 2, 2, c -> Value.of(lower(c.string(0)).endsWith(lower(c.string(1)))));
            case "startsWith" -> b.add(name, 2, 2, c -> Value.of(lower(c.string(0)).startsWith(lower(c.string(1)))));
            case "format" -> b.add(name, 1, -1, DotNetFormat::format);
            case "guid" -> b.add(name, 1, -1, c -> Value.of(ArmHashes.guid(texts(c))));
            case "uniqueString" -> b.add(name, 1, -1, c -> Value.of(ArmHashes.uniqueString(texts(c))));
            case "newGuid" -> b.add(name, 0, 0,
                    c -> deploymentTimeOnly(c, "newGuid() returns a new GUID at each deployment"));
            case "join" -> b.add(name, 2, 2, StringFunctions::join);
            case "padLeft" -> b.add(name, 2, 3, StringFunctions::padLeft);
            case "replace" -> b.add(name, 3, 3, StringFunctions::replace);
            case "split" -> b.add(name, 2, 2, StringFunctions::split);
            case "string" -> b.add(name, 1, 1, c -> Value.of(Values.text(c.known(c.arg(0)))));
            case "substring" -> b.add(name, 2, 3, StringFunctions::substring);
            case "toLower" -> b.add(name, 1, 1, c -> Value.of(lower(c.string(0))));
            case "toUpper" -> b.add(name, 1, 1, c -> Value.of(c.string(0).toUpperCase(Locale.ROOT)));
            case "trim" -> b.add(name, 1, 1, c -> Value.of(c.string(0).strip()));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The arguments of guid()/uniqueString(), which Azure requires to be strings. */
    private static List<String> texts(FunctionCall c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.count(); i++) {
            out.add(c.string(i));
        }
        return out;
    }

    /**
     * newGuid() and utcNow(): Azure allows them only in a parameter's default value, where
     * they take a new value at each deployment.
     */
    static Value deploymentTimeOnly(FunctionCall c, String reason) {
        if (!c.scope().inParameterDefault()) {
            throw c.error("can only be used in the default value of a parameter");
        }
        return Value.unknown(reason, c.at());
    }

    private static Value join(FunctionCall c) {
        Value.Arr a = c.array(0);
        String delimiter = c.string(1);
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (Value item : a.items()) {
            Value v = c.known(item);
            if (v instanceof Value.Arr || v instanceof Value.Obj) {
                throw c.error("expects an array of strings, integers or booleans but an element is " + v.typeName());
            }
            String s = Values.text(v);
            total += s.length() + delimiter.length();
            Strings.checkLength(c, total);
            parts.add(s);
        }
        return Value.of(String.join(delimiter, parts));
    }

    private static Value padLeft(FunctionCall c) {
        Value v = c.arg(0);
        if (!(v instanceof Value.Str || v instanceof Value.Int)) {
            throw c.wrongType(0, "a string or integer", v);
        }
        String s = Values.text(v);
        long width = c.integer(1);
        String pad = c.count() > 2 ? c.string(2) : " ";
        if (pad.length() != 1) {
            throw c.error("expects a single padding character but got '" + pad + "'");
        }
        if (width <= s.length()) {
            return Value.of(s);
        }
        Strings.checkLength(c, width);
        return Value.of(String.valueOf(pad.charAt(0)).repeat((int) (width - s.length())) + s);
    }

    private static Value replace(FunctionCall c) {
        String s = c.string(0);
        String old = c.string(1);
        String with = c.string(2);
        if (old.isEmpty()) {
            throw c.error("expects a non-empty string to replace");
        }
        if (with.length() > old.length()) {
            long occurrences = (s.length() - s.replace(old, "").length()) / old.length();
            Strings.checkLength(c, s.length() + occurrences * (with.length() - old.length()));
        }
        return Value.of(s.replace(old, with));
    }

    private static Value split(FunctionCall c) {
        String s = c.string(0);
        List<String> delimiters = new ArrayList<>();
        Value d = c.arg(1);
        if (d instanceof Value.Str ds) {
            delimiters.add(ds.value());
        } else if (d instanceof Value.Arr da) {
            for (Value item : da.items()) {
                if (!(c.known(item) instanceof Value.Str is)) {
                    throw c.error("expects an array of string delimiters but an element is " + item.typeName());
                }
                delimiters.add(is.value());
            }
        } else {
            throw c.wrongType(1, "a string or an array of strings", d);
        }
        List<Value> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= s.length()) {
            String hit = null;
            for (String delimiter : delimiters) {
                if (!delimiter.isEmpty() && s.startsWith(delimiter, i)) {
                    hit = delimiter;
                    break;
                }
            }
            if (hit != null) {
                if (out.size() == Evaluator.MAX_ARRAY_LENGTH - 1) {
                    throw c.error("would build an array of more than " + Evaluator.MAX_ARRAY_LENGTH + " elements");
                }
                out.add(Value.of(s.substring(start, i)));
                i += hit.length();
                start = i;
            } else {
                i++;
            }
        }
        out.add(Value.of(s.substring(start)));
        return new Value.Arr(out);
    }

    private static Value substring(FunctionCall c) {
        String s = c.string(0);
        long start = c.integer(1);
        long length = c.count() > 2 ? c.integer(2) : s.length() - start;
        if (start < 0 || start > s.length()) {
            throw c.error("startIndex " + start + " is outside the string of length " + s.length());
        }
        if (length < 0 || start + length > s.length()) {
            throw c.error("the index " + start + " and length " + length
                    + " must refer to a location within the string of length " + s.length());
        }
        return Value.of(s.substring((int) start, (int) (start + length)));
    }

    /** For base64ToJson and friends. */
    static Value parseJson(FunctionCall c, String text) {
        try {
            return JsonText.parse(text);
        } catch (dev.egressguard.core.value.ExpressionException e) {
            throw c.error("can't parse " + e.getMessage());
        }
    }
}
