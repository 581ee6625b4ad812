package dev.egressguard.core.finding;

import java.util.Locale;

/** How bad a rule's finding is; the names are the rule language's and SARIF's levels. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses error|warning|note in any casing; null when it is none of them. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }

    /** Whether a finding of this severity reaches {@code threshold} (ERROR reaches WARNING). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
