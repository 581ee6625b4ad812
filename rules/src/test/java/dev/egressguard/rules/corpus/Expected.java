package dev.egressguard.rules.corpus;

import dev.egressguard.core.finding.Outcome;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the manifest expects of one policy on one template, and which actual verdicts satisfy it.
 * The actual verdict of a rule on a template is the worst of its evaluations ({@link Actual}).
 *
 * <ul>
 *   <li>{@code pass}: the policy has a subject and holds: PASS. Nothing evaluated ("none") is a
 *       mismatch: a subject Egress Guard did not see is a gap, not a pass.</li>
 *   <li>{@code fail}: FAIL.</li>
 *   <li>{@code na}: no subject in the template: anything but FAIL (an UNKNOWN on a resource the
 *       manifest scopes out, such as an orphan NIC, is allowed).</li>
 *   <li>{@code ?}: even the default parameters cannot decide, because a resource is external or a
 *       required parameter decides: UNKNOWN or FAIL, never PASS, and never "none" (saying nothing
 *       about a node whose subnet cannot be seen would be the silent guess the design forbids).</li>
 * </ul>
 * An {@code unsure} row uses its {@code defaults_eval} entry; the conditional entries there
 * ({@code fail-if-orphan-NIC-counts}, {@code fail-unless-subnet-has-NAT}) are decided as
 * documented in {@link #parse}.
 */
public enum Expected {
    PASS("pass", EnumSet.of(Actual.PASS)),
    FAIL("fail", EnumSet.of(Actual.FAIL)),
    NA("na", EnumSet.of(Actual.PASS, Actual.UNKNOWN, Actual.NONE)),
    UNDECIDED("?", EnumSet.of(Actual.UNKNOWN, Actual.FAIL));

    private final String label;
    private final Set<Actual> accepted;

    Expected(String label, Set<Actual> accepted) {
        this.label = label;
        this.accepted = accepted;
    }

    public String label() {
        return label;
    }

    public boolean accepts(Actual actual) {
        return accepted.contains(actual);
    }

    /**
     * One verdict text of the manifest. {@code fail-if-orphan-NIC-counts}: Egress Guard counts a
     * NIC not attached to a VM in the template as a node (it exists to carry one, and its VM may be
     * attached through an id only the deployment resolves), so FAIL. {@code fail-unless-...-has-NAT}:
     * the subnet is outside the template, so the answer is UNKNOWN, or FAIL where something else
     * already decides: the same as {@code ?}.
     */
    public static Expected parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("fail-if-orphan-nic-counts")) {
            return FAIL;
        }
        if (t.startsWith("fail-unless-")) {
            return UNDECIDED;
        }
        for (Expected e : values()) {
            if (e.label.equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "' in MANIFEST.tsv");
    }

    /** The verdict of a rule on one template: the worst of its evaluations, or NONE without a subject. */
    public enum Actual {
        PASS, FAIL, UNKNOWN, NONE;

        public static Actual of(Iterable<Outcome> outcomes) {
            boolean pass = false;
            boolean unknown = false;
            for (Outcome o : outcomes) {
                if (o == Outcome.FAIL) {
                    return FAIL;
                }
                unknown |= o == Outcome.UNKNOWN;
                pass |= o == Outcome.PASS;
            }
            return unknown ? UNKNOWN : pass ? PASS : NONE;
        }
    }
}
