package dev.egressguard.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one way Egress Guard opens a file of the project: templates, parameter files, rule files,
 * rule test cases, suppression and baseline files. Everything inside the root is what a pull
 * request controls, symbolic links included, so a file whose path lies inside the root is read
 * only when the file it really leads to (every link resolved) lies inside the root too:
 * {@code x.parameters.json -> /etc/shadow} is refused before a byte of it is read. A link that
 * stays inside the root is followed.
 *
 * <p>{@link #readGiven} is for paths from explicit configuration (command line, pom): a path
 * outside the root as written is the user's own choice, not the pull request's, and is read as
 * given. {@link #read} confines every path, for files that other files name.
 *
 * <p>Only regular files are read, and never more than a limit: files under /proc report a size
 * of 0, and /dev/zero never ends.
 *
 * @param root     the directory nothing is read outside of (absolute, normalised)
 * @param rootName how messages call it, e.g. "the project root"
 */
public record ConfinedFiles(Path root, String rootName) {

    public ConfinedFiles {
        root = root.toAbsolutePath().normalize();
    }

    public ConfinedFiles(Path root) {
        this(root, "the project root");
    }

    /** What reading gave: the bytes, or why none were read. */
    public sealed interface Read permits Bytes, Refused {
    }

    public record Bytes(byte[] bytes) implements Read {
    }

    /** Nothing was read; {@link #problem()} says why in words that name no content of the file. */
    public sealed interface Refused extends Read permits Outside, Missing, NotAFile, TooLarge, Unreadable {
        String problem();
    }

    public record Outside(String rootName, Path root) implements Refused {
        @Override
        public String problem() {
            return "leads outside " + rootName + " " + root + " (through a symbolic link or '..'); files outside it"
                    + " are not read";
        }
    }

    public record Missing() implements Refused {
        @Override
        public String problem() {
            return "cannot read the file: it does not exist";
        }
    }

    public record NotAFile() implements Refused {
        @Override
        public String problem() {
            return "not a regular file (a directory, device or pipe); it is not read";
        }
    }

    /**
     * {@code bytes} is the size, or more than the limit when the file did not tell its size: the
     * size is checked before a byte is read (a 1.5 GB sparse file costs a stat, not the heap), and
     * reading never goes past the limit (a file that grows meanwhile cannot get past it either).
     */
    public record TooLarge(long bytes, long limit) implements Refused {
        @Override
        public String problem() {
            return bytes > limit + 1 ? "the file is " + megabytes(bytes) + "; it is read only up to " + megabytes(limit)
                    : "the file is larger than " + megabytes(limit) + "; it is not read";
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public record Unreadable(String why) implements Refused {
        @Override
        public String problem() {
            return "cannot read the file: " + why;
        }
    }

    /**
     * Whether {@code file} lies inside the root, judged where it really leads. A file that does not
     * exist is judged by its path alone (its caller then says it is missing).
     */
    public boolean encloses(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return false;
        }
        if (!Files.exists(abs)) {
            return true;
        }
        try {
            return abs.toRealPath().startsWith(realRoot());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads {@code file}, which must lie inside the root and really lead there. */
    public Read read(Path file, long maxBytes) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? readInside(abs, maxBytes) : new Outside(rootName, root);
    }

    /**
     * Reads a file named by explicit configuration: confined as {@link #read} when its path lies
     * inside the root (the pull request decides what is there), read as given when outside.
     */
    public Read readGiven(Path file, long maxBytes) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? readInside(abs, maxBytes) : readRegular(abs, maxBytes);
    }

    private Read readInside(Path abs, long maxBytes) {
        Path real;
        try {
            real = abs.toRealPath();
        } catch (NoSuchFileException e) {
            // A dangling link: where it would lead is not known, and nothing can be read anyway.
            return Files.isSymbolicLink(abs) ? new Outside(rootName, root) : new Missing();
        } catch (IOException e) {
            return new Unreadable(reason(e));
        }
        if (!real.startsWith(realRoot())) {
            return new Outside(rootName, root);
        }
        return readRegular(real, maxBytes);
    }

    /** The root as the file system knows it: a root reached through a link is still the root. */
    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private static Read readRegular(Path file, long maxBytes) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return new NotAFile();
            }
            if (attributes.size() > maxBytes) {
                return new TooLarge(attributes.size(), maxBytes);
            }
            // The size on disk can lie (0 under /proc) or change: never read past the limit.
            int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = readUpTo(in, (int) Math.min(attributes.size(), limit), limit + 1);
                return bytes.length > limit ? new TooLarge((long) limit + 1, maxBytes) : new Bytes(bytes);
            }
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            return new Unreadable(reason(e));
        }
    }

    /**
     * At most {@code max} bytes of {@code in}, read into one array of the {@code expected} size
     * when the size told is right: reading blindly up to the limit gathers 8 KB pieces and copies
     * them once more, twice the file in garbage. A file longer than it said (or one that said 0)
     * is read on to {@code max}, one shorter is cut to what it held.
     */
    static byte[] readUpTo(InputStream in, int expected, int max) throws IOException {
        byte[] bytes = new byte[expected];
        int n = in.readNBytes(bytes, 0, expected);
        if (n < expected) {
            return Arrays.copyOf(bytes, n);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes(max - expected - 1);
        byte[] all = Arrays.copyOf(bytes, expected + 1 + rest.length);
        all[expected] = (byte) next;
        System.arraycopy(rest, 0, all, expected + 1, rest.length);
        return all;
    }

    /** The kind of failure, without the file name the exception repeats (the caller names the file). */
    private static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replaceAll("Exception$", "");
        return switch (kind) {
            case "AccessDenied" -> "permission denied";
            case "FileSystemLoop" -> "symbolic links form a loop";
            case "NotDirectory" -> "a part of the path is not a directory";
            default -> e.getMessage() == null ? kind : e.getMessage();
        };
    }
}
