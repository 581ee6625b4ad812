package dev.egressguard.core.report;

import dev.egressguard.core.source.SourceLocation;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns the file of a location into what reports show: relative to the project's base directory,
 * with forward slashes on every OS, so that CI annotations and alerts point at repository files.
 */
public final class DisplayPaths {

    private final Path base;
    /** What a relative file name is relative to: the base, unless the files were named from elsewhere. */
    private final Path relativeTo;

    /** {@code base} may be null: paths are then shown as they were given. */
    public DisplayPaths(Path base) {
        this(base, base);
    }

    /**
     * Paths relative to {@code base} for files whose relative names are relative to {@code relativeTo}:
     * SARIF's paths from the repository root for files named from the project directory.
     */
    public DisplayPaths(Path base, Path relativeTo) {
        this.base = base == null ? null : base.toAbsolutePath().normalize();
        this.relativeTo = relativeTo == null ? this.base : relativeTo.toAbsolutePath().normalize();
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
                Path abs = p.isAbsolute() ? p.normalize() : relativeTo.resolve(p).normalize();
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
            if (!p.isAbsolute()) {
                return relativeTo.equals(base) || relativeTo.resolve(p).normalize().startsWith(base);
            }
            return p.normalize().startsWith(base);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A URI reference for SARIF (RFC 3986, as SARIF 2.1.0's artifactLocation.uri must be): relative
     * and percent-encoded for files under the base, an absolute {@code file:} URI for others. Every
     * file name is possible here, a newline or an unpaired surrogate included, and none may make the
     * reference invalid.
     */
    public String uri(String file) {
        String shown = display(file);
        if (isUnderBase(file)) {
            return encodePath(shown);
        }
        try {
            return Path.of(file).toAbsolutePath().normalize().toUri().toASCIIString();
        } catch (InvalidPathException e) {
            return encodePath(shown);
        }
    }

    /**
     * A relative path as a URI path: the UTF-8 bytes of every character but the unreserved ones,
     * the sub-delimiters, '@' and '/' are percent-encoded. ':' is encoded too, so that a first segment
     * such as {@code c:} or {@code javascript:} cannot read as a scheme.
     */
    static String encodePath(String path) {
        byte[] bytes = SafeText.wellFormed(path).getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isPathCharacter(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean isPathCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
    }

    private static boolean isAbsolute(String file) {
        try {
            return Path.of(file).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
