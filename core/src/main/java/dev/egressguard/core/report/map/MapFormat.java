package dev.egressguard.core.report.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The renderings of an egress map, with the file name a shell writes each to by convention. */
public enum MapFormat {
    /** A compact table per group, for a terminal or a build log. */
    CONSOLE(null),
    /** The public JSON shape of docs/egress-map.md; also what {@link PreviousMap#read} reads back. */
    JSON("egress-map.json"),
    /** Tables per group and a Mermaid flowchart, for a pull request or a wiki. */
    MARKDOWN("egress-map.md"),
    /** The CIDRs a third party must allow, one per line. */
    ALLOWLIST("egress-allowlist.txt");

    private final String fileName;

    MapFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The conventional file name, empty for the console. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** The name users type: {@code console}, {@code json}, {@code markdown}, {@code allowlist}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code text}, in any casing and with spaces around.
     *
     * @throws IllegalArgumentException naming the word and the valid ones
     */
    public static MapFormat parse(String text) {
        String word = text == null ? "" : text.strip();
        for (MapFormat f : values()) {
            if (f.id().equals(word.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown egress map format '" + word + "'; use one of "
                + Arrays.stream(values()).map(MapFormat::id).collect(Collectors.joining(", ")));
    }
}
