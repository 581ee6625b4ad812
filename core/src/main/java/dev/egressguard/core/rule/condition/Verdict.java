package dev.egressguard.core.rule.condition;

import dev.egressguard.core.expression.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a condition said about a resource: the truth value, the JSON pointer (relative to the
 * evaluated resource's body) of the property it rests on, the value found there ({@code null}
 * when the property is missing) and the reasons a person needs (why FALSE, what was UNKNOWN).
 * {@code explained} reasons were written by the rule's author ({@code because:}): graph steps
 * pass them on as they are, and an {@code anyOf} that is FALSE speaks with its first explained part.
 */
public record Verdict(Truth truth, String path, Value value, List<String> reasons, boolean explained) {

    public Verdict {
        Objects.requireNonNull(truth, "truth");
        path = path == null ? "" : path;
        reasons = List.copyOf(reasons);
    }

    public Verdict(Truth truth, String path, Value value, List<String> reasons) {
        this(truth, path, value, reasons, false);
    }

    public static Verdict of(Truth truth, String path, Value value, String reason) {
        return new Verdict(truth, path, value, reason == null || reason.isEmpty() ? List.of() : List.of(reason));
    }

    public boolean isTrue() {
        return truth == Truth.TRUE;
    }

    public boolean isFalse() {
        return truth == Truth.FALSE;
    }

    public boolean isUnknown() {
        return truth == Truth.UNKNOWN;
    }

    /** The same evidence with TRUE and FALSE swapped. */
    public Verdict negate() {
        return new Verdict(truth.not(), path, value, reasons, explained);
    }

    public Verdict withReasons(List<String> newReasons) {
        return new Verdict(truth, path, value, newReasons, explained);
    }

    /** Reasons joined for a message. */
    public String reasonText() {
        return String.join("; ", reasons);
    }

    /**
     * Kleene AND: the first FALSE decides (its evidence is kept); else UNKNOWN with every
     * unknown part's reasons; else TRUE resting on the first part. No parts: TRUE at {@code path}.
     */
    public static Verdict all(List<Verdict> parts, String path, Value value) {
        return combine(parts, Truth.FALSE, path, value);
    }

    /**
     * Kleene OR: the first TRUE decides; else UNKNOWN with the unknown reasons; else FALSE resting
     * on the first explained part when there is one (the author said how this failure reads),
     * else on the first part with all reasons.
     */
    public static Verdict any(List<Verdict> parts, String path, Value value) {
        return combine(parts, Truth.TRUE, path, value);
    }

    private static Verdict combine(List<Verdict> parts, Truth decisive, String path, Value value) {
        Truth neutral = decisive.not();
        if (parts.isEmpty()) {
            return new Verdict(neutral, path, value, List.of());
        }
        Verdict firstUnknown = null;
        Verdict firstExplained = null;
        for (Verdict v : parts) {
            if (v.truth == decisive) {
                return v;
            }
            if (v.isUnknown() && firstUnknown == null) {
                firstUnknown = v;
            }
            if (v.explained && firstExplained == null) {
                firstExplained = v;
            }
        }
        if (firstUnknown != null) {
            LinkedHashSet<String> unknownReasons = new LinkedHashSet<>();
            boolean allExplained = true;
            for (Verdict v : parts) {
                if (v.isUnknown()) {
                    unknownReasons.addAll(v.reasons);
                    allExplained &= v.explained;
                }
            }
            return new Verdict(Truth.UNKNOWN, firstUnknown.path, firstUnknown.value, new ArrayList<>(unknownReasons),
                    allExplained);
        }
        if (neutral == Truth.FALSE && firstExplained != null) {
            return firstExplained;
        }
        Verdict first = parts.get(0);
        return new Verdict(neutral, first.path, first.value, reasonsOf(parts));
    }

    /** Every part's reasons, each once, in order; most verdicts have none, so no set is made for them. */
    private static List<String> reasonsOf(List<Verdict> parts) {
        LinkedHashSet<String> all = null;
        for (Verdict v : parts) {
            if (!v.reasons.isEmpty()) {
                all = all == null ? new LinkedHashSet<>() : all;
                all.addAll(v.reasons);
            }
        }
        return all == null ? List.of() : new ArrayList<>(all);
    }
}
