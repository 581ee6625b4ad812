package dev.egressguard.core.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Value} to and from JSON text: for {@code json()}, {@code string()} and for reports.
 * Writing is compact (no spaces), as {@code string()} of an object is in Azure.
 */
public final class JsonText {

    // The streaming parser straight into Values: an ObjectMapper would cost a cold JVM (a build's)
    // a few hundred classes and tenths of a second, and environment() parses at class init.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            // json() is as lenient as Newtonsoft, which Azure uses: {'one': 'a'} is accepted.
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            // Newtonsoft reads a number that starts or ends with its decimal point: json('.25') is
            // 0.25 (Container Apps write CPU so) and json('1.') is 1.0.
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonLimits.MAX_NESTING)
                    .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                    .maxNameLength(JsonLimits.MAX_NAME_LENGTH)
                    .build())
            .build();

    private JsonText() {
    }

    /**
     * The largest decimal exponent a number may have: Azure reads JSON numbers as .NET doubles
     * (about ±1.8e308), and an exact decimal such as 1e999999999 would otherwise print as a
     * billion digits.
     */
    public static final int MAX_EXPONENT = 400;

    /**
     * Parses JSON text; {@link ExpressionException} when it is not valid JSON or holds a number
     * beyond {@link #MAX_EXPONENT}.
     */
    public static Value parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ExpressionException("The text is empty, not JSON");
            }
            Value v = read(p, first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new ExpressionException("The text is not valid JSON: more follows the value (" + trailing.asString()
                        + " at column " + p.currentTokenLocation().getColumnNr() + ")");
            }
            requireSaneNumbers(v);
            return v;
        } catch (StreamConstraintsException e) {
            throw new ExpressionException("The text is refused: " + JsonLimits.explain(e));
        } catch (JsonProcessingException e) {
            throw new ExpressionException("The text is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /**
     * The next value of a parser opened elsewhere (over a Jackson tree, say), by the same rules as
     * {@link #parse}: integers that fit 64 bits become Int, other numbers Num, and a number beyond
     * {@link #MAX_EXPONENT} or an over-long array is refused with {@link ExpressionException}.
     */
    public static Value read(JsonParser p) throws IOException {
        Value v = read(p, p.nextToken());
        requireSaneNumbers(v);
        return v;
    }

    /** The value that starts at {@code token}; integers that fit 64 bits become Int, other numbers Num. */
    /** A float token as a decimal; a lone "." (which the decimal-point leniency lets through) is none. */
    private static BigDecimal decimal(JsonParser p) throws IOException {
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException | InputCoercionException e) {
            throw new ExpressionException("The text is not valid JSON: '" + p.getText() + "' is no number");
        }
    }

    private static Value read(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            // Jackson reports an unclosed array or object itself; this only guards the switch.
            throw new ExpressionException("The text is not valid JSON: it ends inside a value");
        }
        return switch (token) {
            case VALUE_STRING -> new Value.Str(p.getText());
            case VALUE_NUMBER_INT -> {
                BigInteger big = p.getBigIntegerValue();
                yield big.bitLength() < 64 ? new Value.Int(big.longValue()) : new Value.Num(new BigDecimal(big));
            }
            case VALUE_NUMBER_FLOAT -> new Value.Num(decimal(p));
            case VALUE_TRUE -> Value.of(true);
            case VALUE_FALSE -> Value.of(false);
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (items.size() == JsonLimits.MAX_ARRAY_LENGTH) {
                        throw new ExpressionException("The text is refused: an array in it has more than "
                                + JsonLimits.MAX_ARRAY_LENGTH + " elements");
                    }
                    items.add(read(p, t));
                }
                yield new Value.Arr(items);
            }
            case START_OBJECT -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    fields.put(name, read(p, p.nextToken()));
                }
                yield new Value.Obj(fields);
            }
            default -> Value.Null.INSTANCE;
        };
    }

    /** Whether a number is within {@link #MAX_EXPONENT} (zero always is). */
    public static boolean isSaneNumber(BigDecimal d) {
        return d.signum() == 0 || Math.abs((long) d.precision() - d.scale() - 1) <= MAX_EXPONENT;
    }

    private static void requireSaneNumbers(Value v) {
        if (v instanceof Value.Num n && !isSaneNumber(n.value())) {
            throw new ExpressionException("The number " + n.value() + " is outside the range Azure accepts (about 1e±308)");
        }
        if (v instanceof Value.Arr a) {
            a.items().forEach(JsonText::requireSaneNumbers);
        } else if (v instanceof Value.Obj o) {
            o.fields().values().forEach(JsonText::requireSaneNumbers);
        }
    }

    /** A number as text: plain digits, or scientific notation when plain would be long. */
    public static String numberText(BigDecimal d) {
        return d.signum() == 0 || Math.abs((long) d.precision() - d.scale() - 1) <= 100 ? d.toPlainString() : d.toString();
    }

    /** Compact JSON; an Unknown is written as a string {@code "<unknown: reason>"}. */
    public static String write(Value v) {
        return write(v, Integer.MAX_VALUE - 16);
    }

    /**
     * Compact JSON of at most {@code maxLength} characters. Values can share parts (an array
     * holding the same array twice, again and again), so their text can be far larger than
     * their memory; this stops writing once the limit is passed.
     *
     * @throws ExpressionException when the text would be longer
     */
    public static String write(Value v, int maxLength) {
        StringBuilder sb = new StringBuilder();
        write(v, sb, maxLength);
        return sb.toString();
    }

    private static void write(Value v, StringBuilder sb, int max) {
        if (sb.length() > max) {
            throw new ExpressionException("The value's JSON text is longer than " + max + " characters");
        }
        if (v instanceof Value.Str s) {
            quote(s.value(), sb);
        } else if (v instanceof Value.Int i) {
            sb.append(i.value());
        } else if (v instanceof Value.Num n) {
            sb.append(numberText(n.value()));
        } else if (v instanceof Value.Bool b) {
            sb.append(b.value());
        } else if (v instanceof Value.Arr a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(a.get(i), sb, max);
            }
            sb.append(']');
        } else if (v instanceof Value.Obj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb, max);
            }
            sb.append('}');
        } else if (v instanceof Value.Unknown u) {
            quote("<unknown: " + u.reason() + ">", sb);
        } else {
            sb.append("null");
        }
        if (sb.length() > max) {
            throw new ExpressionException("The value's JSON text is longer than " + max + " characters");
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

}
