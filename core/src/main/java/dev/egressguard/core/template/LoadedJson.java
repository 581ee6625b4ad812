package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

/** A JSON file read into a value tree, with where each part of it was written. */
record LoadedJson(Value root, SourceMap sourceMap) {

    public String file() {
        return sourceMap.file();
    }

    /** The root object (loading guarantees the root of a usable document is an object). */
    public Value.Obj rootObject() {
        return root instanceof Value.Obj o ? o : Value.Obj.EMPTY;
    }
}
