package dev.egressguard.core.report.map;

import dev.egressguard.core.report.ColorMode;

import java.util.Objects;

/**
 * How {@link MapWriter} renders a map.
 *
 * @param previous the map of an earlier run to show the changes against, or null
 * @param perGroup the allowlist lists its CIDRs per cluster or vnet (true) or once for all (false)
 * @param color    ANSI colours on the console, decided for this process ({@link ColorMode#enabledHere()})
 */
public record MapOptions(PreviousMap previous, boolean perGroup, ColorMode color) {

    public MapOptions {
        Objects.requireNonNull(color, "color");
    }

    /** No previous map, the allowlist per group, colours on a terminal only. */
    public static MapOptions defaults() {
        return new MapOptions(null, true, ColorMode.AUTO);
    }

    public MapOptions withPrevious(PreviousMap p) {
        return new MapOptions(p, perGroup, color);
    }

    public MapOptions withPerGroup(boolean on) {
        return new MapOptions(previous, on, color);
    }

    public MapOptions withColor(ColorMode c) {
        return new MapOptions(previous, perGroup, c);
    }
}
