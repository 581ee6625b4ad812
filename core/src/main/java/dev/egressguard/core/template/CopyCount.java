package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.math.BigDecimal;

/** The {@code count} of a copy loop, checked against Azure's limits. */
sealed interface CopyCount {

    /** Azure rejects a copy loop with more iterations than this. */
    int MAX = 800;

    record Expand(int count) implements CopyCount {
    }

    /** The loop cannot be expanded: its count is unknown or invalid; {@code reason} says why. */
    record NotExpanded(Value.Unknown reason) implements CopyCount {
    }

    static CopyCount of(Value count, String loop, SourceLocation at, EvaluationLog log) {
        if (count == null) {
            log.error(at, "copy loop '" + loop + "' has no count");
            return new NotExpanded(new Value.Unknown("copy loop '" + loop + "' has no count", at));
        }
        if (count instanceof Value.Unknown u) {
            return new NotExpanded(new Value.Unknown("the count of copy loop '" + loop + "' is unknown: " + u.reason(), at));
        }
        Long n = asLong(count);
        if (n == null) {
            log.error(at, "the count of copy loop '" + loop + "' must be an integer, not " + count.typeName());
            return new NotExpanded(new Value.Unknown("copy loop '" + loop + "' has an invalid count", at));
        }
        if (n < 0) {
            log.error(at, "the count of copy loop '" + loop + "' is negative (" + n + ")");
            return new NotExpanded(new Value.Unknown("copy loop '" + loop + "' has a negative count", at));
        }
        if (n > MAX) {
            log.error(at, "copy loop '" + loop + "' has " + n + " iterations; Azure allows at most " + MAX
                    + ", so the loop is not expanded");
            return new NotExpanded(new Value.Unknown("copy loop '" + loop + "' exceeds " + MAX + " iterations", at));
        }
        return new Expand(n.intValue());
    }

    private static Long asLong(Value v) {
        if (v instanceof Value.Int i) {
            return i.value();
        }
        if (v instanceof Value.Num n) {
            try {
                return n.value().stripTrailingZeros().scale() <= 0 ? n.value().longValueExact() : null;
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        if (v instanceof Value.Str s) {
            try {
                return new BigDecimal(s.value().trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
