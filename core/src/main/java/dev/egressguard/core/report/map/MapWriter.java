package dev.egressguard.core.report.map;

import dev.egressguard.core.egress.EgressMap;

/**
 * The one entry point of the egress map's renderings: the CLI's {@code egress map} and the Maven
 * goal call this (and {@link PreviousMap#read} for {@code --previous}), then print the text or write
 * it through {@code ReportFiles}.
 *
 * <p>With a previous map: the console and Markdown add what changes since it, the allowlist
 * becomes the changes alone ({@code +cidr}/{@code -cidr}, see {@link MapAllowlist#renderChanges}),
 * and the JSON stays the whole current map, so that it can be the next run's previous map.
 */
public final class MapWriter {

    private MapWriter() {
    }

    /** {@code current} as {@code format}, newline-terminated. */
    public static String render(EgressMap current, MapFormat format, MapOptions options) {
        MapDiff diff = options.previous() == null ? null
                : MapDiff.between(options.previous().map(), current, options.previous().name());
        return switch (format) {
            case CONSOLE -> MapConsole.render(current, diff, options.color().enabledHere());
            case JSON -> MapJson.render(current);
            case MARKDOWN -> MapMarkdown.render(current, diff);
            case ALLOWLIST -> diff == null ? MapAllowlist.render(current, options.perGroup())
                    : MapAllowlist.renderChanges(diff, options.perGroup());
        };
    }

    /**
     * The map in one sentence, as the console rendering ends and the Markdown begins: "4 nodes
     * (2 natGateway, 1 instancePublicIp, 1 unknown); 3 egress IPs, 2 not known yet". For a shell's
     * one summary line (the Maven goal logs it).
     */
    public static String summary(EgressMap map) {
        return MapSummary.sentence(map);
    }
}
