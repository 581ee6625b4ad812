package dev.egressguard.core.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The renderings of a report. Every format but {@link #CONSOLE} is a file in the output
 * directory; the file names are public promises that CI configurations point at.
 */
public enum Format {
    CONSOLE(null),
    JSON("egress-report.json"),
    SARIF("egress-report.sarif"),
    /** Named like Surefire's files so that Azure DevOps' and Jenkins' default patterns pick it up. */
    JUNIT("TEST-egress.xml"),
    MARKDOWN("egress-summary.md");

    private final String fileName;

    Format(String fileName) {
        this.fileName = fileName;
    }

    /** The file this format is written to, empty for the console. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** console|json|sarif|junit|markdown in any casing; empty when it is none of them. */
    public static Optional<Format> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Format f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a comma-separated list such as {@code console,sarif}; {@code all} selects every format.
     *
     * @throws IllegalArgumentException naming the word that is not a format, and the ones that are
     */
    public static Set<Format> parseList(String text) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        if (text == null || text.isBlank()) {
            return formats;
        }
        for (String word : text.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            if (word.trim().equalsIgnoreCase("all")) {
                formats.addAll(EnumSet.allOf(Format.class));
                continue;
            }
            formats.add(parse(word).orElseThrow(() -> new IllegalArgumentException("unknown report format '"
                    + word.trim() + "'; use one or more of console, json, sarif, junit, markdown, or all")));
        }
        return formats;
    }
}
