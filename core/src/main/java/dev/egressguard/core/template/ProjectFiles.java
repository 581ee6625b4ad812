package dev.egressguard.core.template;

import dev.egressguard.core.source.ConfinedFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project the templates belong to: names in locations are relative to its root, and no
 * file is read from outside it unless the user named it ({@link ConfinedFiles}). {@code linkLocations} map URI prefixes of
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
        return confined().encloses(target);
    }

    /** A file another file names (a linked template): read only when it really lies inside the root. */
    ConfinedFiles.Read read(Path file) {
        return confined().read(file, ArmJsonLoader.MAX_FILE_BYTES);
    }

    /**
     * A template or parameter file the user gave or a scan found: confined when its path lies inside
     * the root, read as given when the configuration named a place outside it.
     */
    ConfinedFiles.Read readGiven(Path file) {
        return confined().readGiven(file, ArmJsonLoader.MAX_FILE_BYTES);
    }

    private ConfinedFiles confined() {
        return new ConfinedFiles(root);
    }
}
