package dev.egressguard.core.source;

import java.util.Objects;

/**
 * A place in a file a person can jump to. Lines and columns are 1-based; 0 means "not known"
 * (a whole-file problem, or a resource that came from a live subscription).
 */
public record SourceLocation(String file, int line, int column) {

    public static final SourceLocation NONE = new SourceLocation("", 0, 0);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    public boolean isKnown() {
        return !file.isEmpty();
    }

    /** {@code file:line:column}, the form editors and CI logs turn into links. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
