package dev.egressguard.core.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project the templates belong to: names in locations are relative to its root, and a
 * linked template is never read from outside it. {@code linkLocations} map URI prefixes of
 * linked templates to directories inside the root.
 */
record ProjectFiles(Path root, List<LinkLocation> linkLocations) {

    ProjectFiles {
        root = root.toAbsolutePath().normalize();
        linkLocations = List.copyOf(linkLocations);
    }

    ProjectFiles(Path root) {
        this(root, List.of());
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
        return isInside(target) ? Optional.of(target) : Optional.empty();
    }

    /** Whether {@code target} (absolute, normalised) is inside the root, judged where it really leads. */
    boolean isInside(Path target) {
        if (!target.startsWith(root)) {
            return false;
        }
        // A symbolic link inside the project may point outside it: judge where it really leads.
        if (Files.exists(target)) {
            try {
                return target.toRealPath().startsWith(root.toRealPath());
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return true;
    }
}
