package dev.egressguard.core.report;

import dev.egressguard.core.finding.Severity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a run fails the build: on active findings at or above {@code failOn}; UNKNOWN ones only when
 * {@code failOnUnknown}. Inputs that could not be read (error diagnostics) fail it too unless
 * {@code failOn} is NEVER: an unread template is an unchecked one.
 */
public record FailPolicy(FailOn failOn, boolean failOnUnknown) {

    public static final FailPolicy DEFAULT = new FailPolicy(FailOn.ERROR, false);

    public FailPolicy {
        Objects.requireNonNull(failOn, "failOn");
    }

    public enum FailOn {
        ERROR(Severity.ERROR), WARNING(Severity.WARNING), NEVER(null);

        private final Severity threshold;

        FailOn(Severity threshold) {
            this.threshold = threshold;
        }

        /** The lowest severity that fails the build, empty for NEVER. */
        public Optional<Severity> threshold() {
            return Optional.ofNullable(threshold);
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** error|warning|never in any casing; empty when it is none of them. */
        public static Optional<FailOn> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            for (FailOn f : values()) {
                if (f.name().equalsIgnoreCase(text.trim())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }
}
