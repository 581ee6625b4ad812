package dev.egressguard.core.source;

import java.util.Locale;
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

    /**
     * The one form of a diagnostic line, for logs, the terminal and reports:
     * {@code where: level: message}, without {@code where: } when {@code where} is empty. Both
     * texts are taken as they are to be shown: a caller that escapes (for a terminal, say)
     * escapes them before.
     */
    public static String line(String where, Level level, String message) {
        return (where.isEmpty() ? "" : where + ": ") + level.name().toLowerCase(Locale.ROOT) + ": " + message;
    }

    /** This diagnostic as a {@link #line(String, Level, String) line} at {@code where}, its message as it is. */
    public String line(String where) {
        return line(where, level, message);
    }

    /** {@code file:line:col: error: message}. */
    @Override
    public String toString() {
        return line(location.isKnown() ? location.toString() : "");
    }
}
