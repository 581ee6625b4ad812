package dev.egressguard.core.template;

import dev.egressguard.core.source.ConfinedFiles;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small ARM JSON files parsed once per process, not once per use: a module that every cluster
 * of an estate links ({@code modules/nat-gateway.json}) would otherwise be read into a new tree
 * for every deployment that names it, and again when it is checked as a template of its own.
 *
 * <p>Keyed by the exact bytes and the name locations use, which is all a parse depends on: a
 * changed file is a new key, never a stale answer, and the file is still read (and confined)
 * on every use. What is kept is immutable once loaded (values, source map, diagnostics; a
 * source map node only keeps the parse of its expression, an immutable record, when first
 * evaluated), so one load serves every thread. Bounded: only files up to {@link #MAX_FILE_BYTES}, and at most
 * {@link #MAX_TOTAL_BYTES} of them, least recently used first out, since a parsed tree is many
 * times its text and 100,000 resources must still verify in a 1 GB heap.
 */
final class ParseCache {

    static final int MAX_FILE_BYTES = 128 * 1024;
    static final long MAX_TOTAL_BYTES = 1024 * 1024;

    /** The one the evaluator uses. */
    static final ParseCache SHARED = new ParseCache(MAX_FILE_BYTES, MAX_TOTAL_BYTES);

    private record Key(String display, byte[] bytes, int hash) {
        static Key of(String display, byte[] bytes) {
            return new Key(display, bytes, 31 * display.hashCode() + Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && display.equals(k.display) && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final int maxFileBytes;
    private final long maxTotalBytes;
    private final LinkedHashMap<Key, ArmJsonLoader.Result> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long totalBytes;

    ParseCache(int maxFileBytes, long maxTotalBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** {@link ArmJsonLoader#load}, answered from an earlier load of the same bytes under the same name. */
    ArmJsonLoader.Result load(ConfinedFiles.Read read, String displayName) {
        if (!(read instanceof ConfinedFiles.Bytes file) || file.bytes().length > maxFileBytes) {
            return ArmJsonLoader.load(read, displayName);
        }
        Key key = Key.of(displayName, file.bytes());
        ArmJsonLoader.Result cached = get(key);
        if (cached != null) {
            return cached;
        }
        // Parsed outside the lock: two threads may both parse a file, and either result is the same.
        ArmJsonLoader.Result loaded = ArmJsonLoader.load(read, displayName);
        ArmJsonLoader.Result kept = new ArmJsonLoader.Result(loaded.json(), List.copyOf(loaded.diagnostics()));
        put(key, kept);
        return kept;
    }

    private synchronized ArmJsonLoader.Result get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, ArmJsonLoader.Result result) {
        if (entries.put(key, result) == null) {
            totalBytes += key.bytes().length;
        }
        Iterator<Map.Entry<Key, ArmJsonLoader.Result>> eldest = entries.entrySet().iterator();
        while (totalBytes > maxTotalBytes && eldest.hasNext()) {
            totalBytes -= eldest.next().getKey().bytes().length;
            eldest.remove();
        }
    }

    /** How many files are kept: for tests. */
    synchronized int size() {
        return entries.size();
    }
}
