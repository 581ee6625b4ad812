package dev.egressguard.core.template;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user's word that linked templates under a URI prefix are the files of a directory of the
 * project: {@code https://raw.githubusercontent.com/org/repo/main/infra/} =
 * {@code infra}. A {@code templateLink.uri} starting with {@code prefix} (at a '/' boundary) is read
 * from {@code directory} plus the rest of its path; nothing is ever fetched.
 */
public record LinkLocation(String prefix, Path directory) {

    public LinkLocation {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(directory, "directory");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("a linked template location needs a URI prefix");
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /**
     * {@code PREFIX=DIR} as the CLI and the plugin's property take it; the last '=' separates, as
     * a URI prefix may hold one in its query-free path only rarely and a directory name never should.
     */
    public static LinkLocation parse(String entry, Path base) {
        int eq = entry == null ? -1 : entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException("'" + entry + "' is not PREFIX=DIR (for example "
                    + "https://raw.githubusercontent.com/org/repo/main/infra/=infra)");
        }
        return new LinkLocation(entry.substring(0, eq).trim(), base.resolve(entry.substring(eq + 1).trim()));
    }
}
