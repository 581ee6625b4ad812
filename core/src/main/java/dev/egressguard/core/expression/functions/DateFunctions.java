package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.Value;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** utcNow, dateTimeAdd, dateTimeFromEpoch, dateTimeToEpoch. */
final class DateFunctions {

    private static final Pattern ISO_DURATION = Pattern.compile(
            "(-)?P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?",
            Pattern.CASE_INSENSITIVE);

    private DateFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "utcNow" -> b.add(name, 0, 1,
                    c -> StringFunctions.deploymentTimeOnly(c, "utcNow() is the time of the deployment"));
            case "dateTimeAdd" -> b.add(name, 2, 3, DateFunctions::dateTimeAdd);
            case "dateTimeFromEpoch" -> b.add(name, 1, 1, DateFunctions::dateTimeFromEpoch);
            case "dateTimeToEpoch" -> b.add(name, 1, 1, c -> Value.of(parse(c, c.string(0)).toEpochSecond()));
        }
    }

    /** .NET dates run from year 1 to 9999; later or earlier epochs are refused, as in Azure. */
    private static Value dateTimeFromEpoch(FunctionCall c) {
        long seconds = c.integer(0);
        if (seconds < MIN_EPOCH || seconds > MAX_EPOCH) {
            throw c.error("expects seconds between " + MIN_EPOCH + " and " + MAX_EPOCH + " but got " + seconds);
        }
        return Value.of(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds)));
    }

    private static final long MIN_EPOCH = -62135596800L;
    private static final long MAX_EPOCH = 253402300799L;

    private static OffsetDateTime parse(FunctionCall c, String raw) {
        String text = raw.trim();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw c.error("expects an ISO 8601 date-time such as '2020-04-07T14:53:14Z' but got '" + raw + "'");
            }
        }
    }

    private static Value dateTimeAdd(FunctionCall c) {
        OffsetDateTime base = parse(c, c.string(0));
        Matcher m = ISO_DURATION.matcher(c.string(1));
        if (!m.matches() || c.string(1).equalsIgnoreCase("P") || c.string(1).toUpperCase().endsWith("T")) {
            throw c.error("expects an ISO 8601 duration such as 'P1D' or 'PT1H' but got '" + c.string(1) + "'");
        }
        int sign = m.group(1) != null ? -1 : 1;
        Period period = Period.of(sign * num(m.group(2)), sign * num(m.group(3)), sign * (num(m.group(4)) * 7 + num(m.group(5))));
        Duration time = Duration.ofHours(sign * (long) num(m.group(6))).plusMinutes(sign * (long) num(m.group(7)));
        if (m.group(8) != null) {
            time = time.plusNanos(sign * new java.math.BigDecimal(m.group(8)).movePointRight(9).longValueExact());
        }
        OffsetDateTime result = base.plus(period).plus(time);
        if (c.count() == 3) {
            return Value.of(DateTimeFormatter.ofPattern(DotNetDateFormat.toJava(c.string(2))).format(result));
        }
        return Value.of(result.getOffset().equals(ZoneOffset.UTC)
                ? DateTimeFormatter.ISO_INSTANT.format(result.toInstant())
                : result.toString());
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }
}
