package dev.egressguard.core.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Whether console output carries ANSI colours: only on a terminal unless forced. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /**
     * Decides for AUTO from what the process sees: a terminal, and neither {@code NO_COLOR}
     * (no-color.org) nor {@code TERM=dumb} in the environment.
     */
    public boolean enabled(boolean isTerminal, Map<String, String> env) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> isTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        };
    }

    /** Decides for this process: {@code System.console()} is null when output is redirected. */
    public boolean enabledHere() {
        return enabled(System.console() != null, System.getenv());
    }

    /** auto|always|never, also true/false and on/off for a "force colour" flag. */
    public static Optional<ColorMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.of(AUTO);
            case "always", "true", "on", "yes" -> Optional.of(ALWAYS);
            case "never", "false", "off", "no" -> Optional.of(NEVER);
            default -> Optional.empty();
        };
    }
}
