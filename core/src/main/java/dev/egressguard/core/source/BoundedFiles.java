package dev.egressguard.core.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading an input file that may come from a pull request: its size is checked before a byte is
 * read, so a 1.5 GB sparse file costs a stat, not the heap; and reading stops at the limit, so a
 * file that grows meanwhile cannot get past it either.
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /** A file over its limit; the message says how large it is and what the limit is, in one line. */
    public static final class TooLargeException extends IOException {

        TooLargeException(String what, long size, long limit) {
            super(String.format(Locale.ROOT, "the file is %s; %s is read only up to %s", megabytes(size), what,
                    megabytes(limit)));
        }
    }

    /**
     * The whole file, at most {@code maxBytes}.
     *
     * @param what the kind of file for the message, e.g. "a rule file"
     * @throws TooLargeException when the file is larger
     */
    public static byte[] readBytes(Path file, long maxBytes, String what) throws IOException {
        try (InputStream in = open(file, maxBytes, what)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLargeException(what, bytes.length, maxBytes);
            }
            return bytes;
        }
    }

    /**
     * The whole file as UTF-8 text, at most {@code maxBytes}.
     *
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8
     */
    public static String readUtf8(Path file, long maxBytes, String what) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(readBytes(file, maxBytes, what))).toString();
    }

    /**
     * A stream of the file for parsers that read as they go; it fails with {@link TooLargeException}
     * once more than {@code maxBytes} have been read.
     */
    public static InputStream open(Path file, long maxBytes, String what) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new TooLargeException(what, size, maxBytes);
        }
        return new Capped(Files.newInputStream(file), maxBytes, what);
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Counts what is read and refuses to hand out more than the limit. */
    private static final class Capped extends FilterInputStream {

        private final long limit;
        private final String what;
        private long read;

        Capped(InputStream in, long limit, String what) {
            super(in);
            this.limit = limit;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(what, read, limit);
            }
        }
    }
}
