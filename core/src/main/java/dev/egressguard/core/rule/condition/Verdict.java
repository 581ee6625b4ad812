package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a condition said about a resource: the truth value, the JSON pointer (relative to the
 * evaluated resource's body) of the property it rests on, the value found there ({@code null}
 * when the property is missing) and the reasons a person needs (why FALSE, what was UNKNOWN).
 * {@code explained} reasons were written by the rule's author ({@code because:}): graph steps
 * pass them on as they are, and an {@code anyOf} that is FALSE speaks with its first explained part.
 *
 * <p>Reasons are written when first asked for: most FALSE verdicts are parts of an {@code anyOf}
 * or a {@code where} that decide nothing, and naming their properties cost more than the checks.
 * A verdict belongs to one evaluation (one thread); its reasons are the same whenever they are made.
 */
public final class Verdict {

    private final Truth truth;
    private final String path;
    private final Value value;
    private final boolean explained;
    private Supplier<List<String>> pending;
    /** A single pending reason ({@link #of(Truth, String, Value, Supplier)}): most verdicts have one, so no list supplier wraps it. */
    private Supplier<String> pendingOne;
    private List<String> reasons;

    public Verdict(Truth truth, String path, Value value, List<String> reasons, boolean explained) {
        this(truth, path, value, explained, null, List.copyOf(reasons));
    }

    public Verdict(Truth truth, String path, Value value, List<String> reasons) {
        this(truth, path, value, reasons, false);
    }

    private Verdict(Truth truth, String path, Value value, boolean explained, Supplier<List<String>> pending,
                    List<String> reasons) {
        this.truth = Objects.requireNonNull(truth, "truth");
        this.path = path == null ? "" : path;
        this.value = value;
        this.explained = explained;
        this.pending = pending;
        this.reasons = reasons;
    }

    public static Verdict of(Truth truth, String path, Value value, String reason) {
        return new Verdict(truth, path, value, reason == null || reason.isEmpty() ? List.of() : List.of(reason));
    }

    /** A verdict whose one reason is written only if somebody asks for it. */
    public static Verdict of(Truth truth, String path, Value value, Supplier<String> reason) {
        Verdict v = new Verdict(truth, path, value, false, null, null);
        v.pendingOne = Objects.requireNonNull(reason, "reason");
        return v;
    }

    /** A verdict whose reasons are written only if somebody asks for them. */
    public static Verdict lazy(Truth truth, String path, Value value, Supplier<List<String>> reasons, boolean explained) {
        return new Verdict(truth, path, value, explained, Objects.requireNonNull(reasons, "reasons"), null);
    }

    public Truth truth() {
        return truth;
    }

    public String path() {
        return path;
    }

    public Value value() {
        return value;
    }

    public boolean explained() {
        return explained;
    }

    public List<String> reasons() {
        if (reasons == null) {
            if (pendingOne != null) {
                String r = pendingOne.get();
                reasons = r == null || r.isEmpty() ? List.of() : List.of(r);
                pendingOne = null;
            } else {
                reasons = List.copyOf(pending.get());
                pending = null;
            }
        }
        return reasons;
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
        return reasons != null ? new Verdict(truth.not(), path, value, explained, null, reasons)
                : new Verdict(truth.not(), path, value, explained, this::reasons, null);
    }

    public Verdict withReasons(List<String> newReasons) {
        return new Verdict(truth, path, value, newReasons, explained);
    }

    /** Reasons joined for a message. */
    public String reasonText() {
        return String.join("; ", reasons());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict v && truth == v.truth && path.equals(v.path) && Objects.equals(value, v.value)
                && explained == v.explained && reasons().equals(v.reasons());
    }

    @Override
    public int hashCode() {
        return Objects.hash(truth, path, value, explained, reasons());
    }

    @Override
    public String toString() {
        return "Verdict[truth=" + truth + ", path=" + path + ", value=" + value + ", reasons=" + reasons()
                + ", explained=" + explained + "]";
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
            boolean allExplained = true;
            for (Verdict v : parts) {
                allExplained &= !v.isUnknown() || v.explained;
            }
            return lazy(Truth.UNKNOWN, firstUnknown.path, firstUnknown.value, () -> reasonsOf(parts, true), allExplained);
        }
        if (neutral == Truth.FALSE && firstExplained != null) {
            return firstExplained;
        }
        Verdict first = parts.get(0);
        return lazy(neutral, first.path, first.value, () -> reasonsOf(parts, false), false);
    }

    /** The parts' reasons (only the unknown parts' when {@code unknownOnly}), each once, in order. */
    private static List<String> reasonsOf(List<Verdict> parts, boolean unknownOnly) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (Verdict v : parts) {
            if (!unknownOnly || v.isUnknown()) {
                all.addAll(v.reasons());
            }
        }
        return new ArrayList<>(all);
    }
}
