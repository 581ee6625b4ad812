package dev.egressguard.core.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The root of the repository a directory belongs to: the nearest directory, from it upwards,
 * that holds a {@code .git} entry. That entry is a directory in a clone and a file in a worktree
 * or a submodule; both count. Code scanning resolves SARIF URIs against this root, so a module
 * below it must not give its own base directory as {@code %SRCROOT%}.
 *
 * <p>The walk is bounded: it stops at the file system root and after {@link #MAX_LEVELS}
 * directories, and it reads nothing but whether {@code .git} exists (a link to nowhere does
 * not: it is no repository).
 */
public final class RepositoryRoot {

    /** Directories looked at, the start included; far deeper than any real checkout. */
    static final int MAX_LEVELS = 64;

    private RepositoryRoot() {
    }

    /** The repository root of {@code start}, or empty when no directory above it holds {@code .git}. */
    public static Optional<Path> find(Path start) {
        return find(start, MAX_LEVELS);
    }

    /** As {@link #find(Path)}, looking at {@code start} and at most {@code levels - 1} directories above it. */
    static Optional<Path> find(Path start, int levels) {
        Path dir = start.toAbsolutePath().normalize();
        for (int i = 0; i < levels && dir != null; i++, dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
