package dev.egressguard.core.template;

import dev.egressguard.core.source.SourceLocation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where every key and value of a loaded JSON file was written, by JSON pointer. For an object
 * member the "key" location is the property name and the "value" location its value; for an
 * array element both are the element. Lookups ignore case because ARM keys do.
 */
public final class SourceMap {

    private record Entry(SourceLocation key, SourceLocation value) {
    }

    private final String file;
    private final Map<String, Entry> entries = new HashMap<>();

    SourceMap(String file) {
        this.file = file;
    }

    /** The file name used in locations (relative to the project root when inside it). */
    public String file() {
        return file;
    }

    void put(String pointer, SourceLocation key, SourceLocation value) {
        entries.put(JsonPointer.normalize(pointer), new Entry(key, value));
    }

    /** Where the member at {@code pointer} was written (its key), or the file when unknown. */
    public SourceLocation locate(String pointer) {
        Entry e = entries.get(JsonPointer.normalize(pointer));
        return e == null ? SourceLocation.of(file) : e.key();
    }

    /** Where the value at {@code pointer} starts, or the file when unknown. */
    public SourceLocation valueAt(String pointer) {
        Entry e = entries.get(JsonPointer.normalize(pointer));
        return e == null ? SourceLocation.of(file) : e.value();
    }

    public boolean contains(String pointer) {
        return entries.containsKey(JsonPointer.normalize(pointer));
    }

    /** The closest pointer at or above {@code pointer} that was written in the file. */
    public SourceLocation locateNearest(String pointer) {
        String p = pointer;
        while (p != null) {
            Entry e = entries.get(JsonPointer.normalize(p));
            if (e != null) {
                return e.key();
            }
            p = JsonPointer.parent(p);
        }
        return SourceLocation.of(file);
    }
}
