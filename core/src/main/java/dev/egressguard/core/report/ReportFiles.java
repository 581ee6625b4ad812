package dev.egressguard.core.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the tool writes every file (reports, baselines), in a checkout that a pull request may have
 * filled with links:
 * <ul>
 *   <li>the text goes to a new temporary file beside the target, with a random name, created
 *       exclusively and without following links ({@code CREATE_NEW}, {@code NOFOLLOW_LINKS}): a link
 *       or file planted under any name makes the creation fail, never writes through;</li>
 *   <li>the temporary file is then renamed onto the target atomically. A rename replaces whatever
 *       entry has the target's name, a symbolic link included, and never opens what a link points
 *       at: a planted link is replaced by the report, its target keeps its content;</li>
 *   <li>a directory that is created or written into must not be reached through a symbolic link that
 *       lies inside the project and leads out of it ({@link #createDirectories}): such a link is
 *       refused with an error naming it, since a report written there could land on any file of
 *       the same name elsewhere;</li>
 *   <li>text that cannot be encoded (an unpaired surrogate) is written as U+FFFD rather than
 *       failing the file.</li>
 * </ul>
 * A file is thus written whole or not at all, so a CI step never uploads half a report.
 */
public final class ReportFiles {

    /** What goes into a file; the writer is buffered and closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Names tried before giving up: each can only collide with a file planted under a random name. */
    private static final int ATTEMPTS = 8;

    private static final byte[] REPLACEMENT_UTF8 = String.valueOf(SafeText.REPLACEMENT).getBytes(StandardCharsets.UTF_8);

    private ReportFiles() {
    }

    /**
     * Creates {@code dir} and its missing parents. When {@code dir} lies under {@code projectRoot}
     * (null: no project), a symbolic link among its components below the root must lead to a place
     * inside the project; one that leads out is refused.
     *
     * @throws FileSystemException naming the link, in one line
     */
    public static void createDirectories(Path dir, Path projectRoot) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (projectRoot != null) {
            refuseLinksOut(target, projectRoot.toAbsolutePath().normalize());
        }
        Files.createDirectories(target);
    }

    private static void refuseLinksOut(Path dir, Path root) throws IOException {
        if (!dir.startsWith(root) || dir.equals(root)) {
            return;
        }
        Path realRoot = null;
        Path step = root;
        for (Path name : root.relativize(dir)) {
            step = step.resolve(name);
            if (!Files.isSymbolicLink(step)) {
                continue;
            }
            realRoot = realRoot == null ? root.toRealPath() : realRoot;
            Path real;
            try {
                real = step.toRealPath();
            } catch (NoSuchFileException e) {
                throw new FileSystemException(step.toString(), null, "is a symbolic link to "
                        + Files.readSymbolicLink(step) + ", which does not exist; reports are not written through"
                        + " links: remove it or choose another output directory");
            }
            if (!real.startsWith(realRoot)) {
                throw new FileSystemException(step.toString(), null, "is a symbolic link inside the project to "
                        + real + ", outside it; reports are not written through links: remove it or choose another"
                        + " output directory");
            }
        }
    }

    /**
     * Writes {@code target} whole or not at all: to a new temporary file beside it, then renamed onto
     * it. The parent directory must exist.
     */
    public static void write(Path target, Content content) throws IOException {
        Temporary tmp = createTemporary(target);
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(tmp.out(), encoder()))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp.path(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            tmp.out().close();
            // Only the file this call created: after the move it is gone and nothing is deleted.
            Files.deleteIfExists(tmp.path());
        }
    }

    /** A temporary file this call created, open for writing. */
    private record Temporary(Path path, OutputStream out) {
    }

    /**
     * A new file of a name no one could plant in advance. Not createTempFile: its SecureRandom
     * costs a cold JVM (every build) a noticeable start, and its 0600 permissions would pass on to
     * the report. The name need not be secret: CREATE_NEW is what makes a planted name harmless.
     */
    private static Temporary createTemporary(Path target) throws IOException {
        FileAlreadyExistsException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return new Temporary(tmp, Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            } catch (FileAlreadyExistsException e) {
                last = e;
            }
        }
        throw new FileSystemException(target.toString(), null, "no temporary file could be created beside it ("
                + ATTEMPTS + " names taken, the last " + last.getFile() + ")");
    }

    private static CharsetEncoder encoder() {
        return StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_UTF8);
    }
}
