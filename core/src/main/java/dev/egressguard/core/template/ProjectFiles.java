package dev.egressguard.core.template;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The project the templates belong to: names in locations are relative to its root, and a
 * linked template is never read from outside it.
 */
record ProjectFiles(Path root) {

    ProjectFiles {
        root = root.toAbsolutePath().normalize();
    }

    /** The name a person sees: relative to the root with '/' separators, else absolute. */
    String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /**
     * {@code relative} resolved against the directory of {@code from}, when it stays inside the
     * root, symbolic links followed.
     */
    Optional<Path> resolveInside(Path from, String relative) {
        Path dir = from.toAbsolutePath().normalize().getParent();
        Path target;
        try {
            target = (dir == null ? Path.of(relative) : dir.resolve(relative)).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!target.startsWith(root)) {
            return Optional.empty();
        }
        // A symbolic link inside the project may point outside it: judge where it really leads.
        if (java.nio.file.Files.exists(target)) {
            try {
                if (!target.toRealPath().startsWith(root.toRealPath())) {
                    return Optional.empty();
                }
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(target);
    }
}
