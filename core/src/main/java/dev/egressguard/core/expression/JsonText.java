package dev.egressguard.core.expression;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Value} to and from JSON text: for {@code json()}, {@code string()} and for reports.
 * Writing is compact (no spaces), as {@code string()} of an object is in Azure.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            // json() is as lenient as Newtonsoft, which Azure uses: {'one': 'a'} is accepted.
            .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
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
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ExpressionException("The text is empty, not JSON");
            }
            Value v = fromNode(node);
            requireSaneNumbers(v);
            return v;
        } catch (JsonProcessingException e) {
            throw new ExpressionException("The text is not valid JSON: " + e.getOriginalMessage());
        }
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

    /** A Jackson tree as a Value (integers that fit 64 bits become Int, other numbers Num). */
    public static Value fromNode(JsonNode node) {
        if (node.isTextual()) {
            return new Value.Str(node.textValue());
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? new Value.Int(big.longValue()) : new Value.Num(new BigDecimal(big));
        }
        if (node.isNumber()) {
            return new Value.Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Value.of(node.booleanValue());
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(fromNode(item));
            }
            return new Value.Arr(items);
        }
        if (node.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), fromNode(e.getValue()));
            }
            return new Value.Obj(fields);
        }
        return Value.Null.INSTANCE;
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
