package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.expression.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * {@code format()}: .NET composite formatting with the invariant culture —
 * {@code {index[,alignment][:formatString]}}, {@code {{}} and {@code }}} escapes, and the standard
 * numeric format strings (C, D, E, F, G, N, P, X) as well as custom ones ({@code 000.00}, {@code #,##0}).
 */
final class DotNetFormat {

    private DotNetFormat() {
    }

    static Value format(FunctionCall c) {
        String f = c.string(0);
        StringBuilder out = new StringBuilder(f.length() + 16);
        int i = 0;
        while (i < f.length()) {
            char ch = f.charAt(i);
            if (ch == '{') {
                if (i + 1 < f.length() && f.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = f.indexOf('}', i);
                if (close < 0) {
                    throw c.error("has a '{' without '}' at position " + i + " of its format string");
                }
                int index = plainIndex(f, i + 1, close);
                // "{0}", nearly every item: the argument's text, without cutting the item out first.
                out.append(index >= 0 ? plainItem(c, index) : item(c, f.substring(i + 1, close), i));
                Strings.checkLength(c, out.length());
                i = close + 1;
            } else if (ch == '}') {
                if (i + 1 < f.length() && f.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw c.error("has a '}' without '{' at position " + i + " of its format string");
            } else {
                out.append(ch);
                i++;
            }
        }
        return Value.of(out.toString());
    }

    /** The index an item {@code f[start, end)} of 1 to 4 digits only names, or -1 for any other item. */
    private static int plainIndex(String f, int start, int end) {
        if (end - start < 1 || end - start > 4) {
            return -1;
        }
        int index = 0;
        for (int k = start; k < end; k++) {
            char d = f.charAt(k);
            if (d < '0' || d > '9') {
                return -1;
            }
            index = index * 10 + (d - '0');
        }
        return index;
    }

    /** {@link #item} of an item that is an index alone: no alignment, no format string. */
    private static String plainItem(FunctionCall c, int index) {
        if (index + 1 >= c.count()) {
            throw c.error("refers to argument {" + index + "} but has only " + (c.count() - 1)
                    + " values to format");
        }
        return formatValue(c, c.known(c.arg(index + 1)), null);
    }

    private static String item(FunctionCall c, String spec, int position) {
        String formatString = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            formatString = spec.substring(colon + 1);
            spec = spec.substring(0, colon);
        }
        int alignment = 0;
        int comma = spec.indexOf(',');
        try {
            if (comma >= 0) {
                alignment = Integer.parseInt(spec.substring(comma + 1).trim());
                spec = spec.substring(0, comma);
            }
            int index = Integer.parseInt(spec.trim());
            if (index < 0 || index + 1 >= c.count()) {
                throw c.error("refers to argument {" + index + "} but has only " + (c.count() - 1)
                        + " values to format");
            }
            Strings.checkLength(c, Math.abs((long) alignment));
            String text = formatValue(c, c.known(c.arg(index + 1)), formatString);
            int pad = Math.abs(alignment) - text.length();
            if (pad <= 0) {
                return text;
            }
            return alignment > 0 ? " ".repeat(pad) + text : text + " ".repeat(pad);
        } catch (NumberFormatException e) {
            throw c.error("has an invalid format item '{" + spec + "}' at position " + position);
        }
    }

    private static String formatValue(FunctionCall c, Value v, String formatString) {
        if (formatString == null || formatString.isEmpty() || !Values.isNumber(v)) {
            return Values.text(v);
        }
        return number(c, Values.decimal(v), formatString);
    }

    static String number(FunctionCall c, BigDecimal n, String fmt) {
        if (!dev.egressguard.core.value.JsonText.isSaneNumber(n)) {
            throw c.error("can't format " + n + " with '" + fmt + "': it is outside the range Azure accepts");
        }
        char kind = Character.toUpperCase(fmt.charAt(0));
        String digits = fmt.substring(1);
        boolean standard = "CDEFGNPX".indexOf(kind) >= 0 && digits.chars().allMatch(Character::isDigit)
                && digits.length() <= 2;
        if (!standard) {
            return custom(n, fmt);
        }
        Integer precision = digits.isEmpty() ? null : Integer.parseInt(digits);
        switch (kind) {
            case 'D' -> {
                requireInteger(c, n, fmt);
                String abs = n.abs().toBigInteger().toString();
                int width = precision == null ? 0 : precision;
                String padded = abs.length() >= width ? abs : "0".repeat(width - abs.length()) + abs;
                return n.signum() < 0 ? "-" + padded : padded;
            }
            case 'X' -> {
                requireInteger(c, n, fmt);
                String hex = Long.toHexString(n.longValue());
                hex = fmt.charAt(0) == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
                int width = precision == null ? 0 : precision;
                return hex.length() >= width ? hex : "0".repeat(width - hex.length()) + hex;
            }
            case 'N' -> {
                return grouped(n, precision == null ? 2 : precision);
            }
            case 'F' -> {
                return n.setScale(precision == null ? 2 : precision, RoundingMode.HALF_UP).toPlainString();
            }
            case 'C' -> {
                String g = grouped(n.abs(), precision == null ? 2 : precision);
                return n.signum() < 0 ? "(\u00a4" + g + ")" : "\u00a4" + g;
            }
            case 'P' -> {
                return grouped(n.movePointRight(2), precision == null ? 2 : precision) + " %";
            }
            case 'E' -> {
                int p = precision == null ? 6 : precision;
                String pattern = "0." + "0".repeat(p) + "E000";
                DecimalFormat df = new DecimalFormat(p == 0 ? "0E000" : pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
                df.setRoundingMode(RoundingMode.HALF_UP);
                String s = df.format(n);
                int e = s.indexOf('E');
                String exponent = s.substring(e + 1);
                String sign = exponent.startsWith("-") ? "-" : "+";
                exponent = exponent.replace("-", "");
                String mark = fmt.charAt(0) == 'e' ? "e" : "E";
                return s.substring(0, e) + mark + sign + exponent;
            }
            default -> {
                return n.stripTrailingZeros().toPlainString();
            }
        }
    }

    private static void requireInteger(FunctionCall c, BigDecimal n, String fmt) {
        if (n.stripTrailingZeros().scale() > 0) {
            throw c.error("can only apply the format '" + fmt + "' to integers");
        }
    }

    private static String grouped(BigDecimal n, int decimals) {
        DecimalFormat df = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        df.setRoundingMode(RoundingMode.HALF_UP);
        return df.format(n);
    }

    /** Custom numeric formats map onto Java's DecimalFormat, which shares the 0 # , . % syntax. */
    private static String custom(BigDecimal n, String fmt) {
        try {
            DecimalFormat df = new DecimalFormat(fmt, DecimalFormatSymbols.getInstance(Locale.ROOT));
            df.setRoundingMode(RoundingMode.HALF_UP);
            return df.format(n);
        } catch (IllegalArgumentException e) {
            return fmt;
        }
    }
}
