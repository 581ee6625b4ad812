package dev.egressguard.core.report;

import dev.egressguard.core.source.SourceLocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the file of a location into what reports show: relative to the project's base directory,
 * with forward slashes on every OS, so that CI annotations and alerts point at repository files.
 */
public final class DisplayPaths {

    private final Path base;

    /** {@code base} may be null: paths are then shown as they were given. */
    public DisplayPaths(Path base) {
        this.base = base == null ? null : base.toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    /** The file relative to the base when it lies under it, else as given; always with '/'. */
    public String display(String file) {
        if (file == null || file.isEmpty()) {
            return "";
        }
        String shown = file;
        if (base != null) {
            try {
                Path p = Path.of(file);
                Path abs = p.isAbsolute() ? p.normalize() : base.resolve(p).normalize();
                if (abs.startsWith(base)) {
                    shown = base.relativize(abs).toString();
                }
            } catch (InvalidPathException e) {
                // Not a file system path (e.g. "azure://..."): shown as it is.
            }
        }
        return shown.replace('\\', '/');
    }

    public String display(SourceLocation location) {
        return display(location.file());
    }

    /** {@code file:line:column} with the file shown relative to the base. */
    public String where(SourceLocation location) {
        if (!location.isKnown()) {
            return "";
        }
        return new SourceLocation(display(location.file()), location.line(), location.column()).toString();
    }

    /** Whether the file lies under the base directory, so that a base-relative URI can name it. */
    public boolean isUnderBase(String file) {
        if (base == null || file == null || file.isEmpty()) {
            return file != null && !file.isEmpty() && !isAbsolute(file);
        }
        try {
            Path p = Path.of(file);
            return !p.isAbsolute() || p.normalize().startsWith(base);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A URI reference for SARIF: relative and percent-encoded for files under the base, an
     * absolute {@code file:} URI for others.
     */
    public String uri(String file) {
        String shown = display(file);
        if (isUnderBase(file)) {
            try {
                return new URI(null, null, shown, null).toASCIIString();
            } catch (URISyntaxException e) {
                return shown;
            }
        }
        try {
            return Path.of(file).toAbsolutePath().normalize().toUri().toASCIIString();
        } catch (InvalidPathException e) {
            return shown;
        }
    }

    private static boolean isAbsolute(String file) {
        try {
            return Path.of(file).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
