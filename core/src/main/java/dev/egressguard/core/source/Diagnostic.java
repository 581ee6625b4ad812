package dev.egressguard.core.source;

import java.util.Objects;

/**
 * A problem with an input (template, parameter file, rule file, suppression file) that a person
 * can act on: where it is and what is wrong. Diagnostics never stop the run; the other inputs
 * are still checked.
 */
public record Diagnostic(Level level, SourceLocation location, String message) {

    public enum Level { ERROR, WARNING, INFO }

    public Diagnostic {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        message = Excerpt.message(message);
    }

    public static Diagnostic error(SourceLocation at, String message) {
        return new Diagnostic(Level.ERROR, at, message);
    }

    public static Diagnostic warning(SourceLocation at, String message) {
        return new Diagnostic(Level.WARNING, at, message);
    }

    public static Diagnostic info(SourceLocation at, String message) {
        return new Diagnostic(Level.INFO, at, message);
    }

    /** {@code file:line:col: error: message}. */
    @Override
    public String toString() {
        String where = location.isKnown() ? location + ": " : "";
        return where + level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
