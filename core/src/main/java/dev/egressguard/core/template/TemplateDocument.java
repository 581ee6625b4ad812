package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.JsonPointers;

import java.nio.file.Path;

/**
 * A template as written: the whole file, or a nested deployment's inline {@code template}
 * inside it ({@code base} is then the pointer of that object in the file).
 */
record TemplateDocument(Path file, SourceMap map, Value.Obj template, String base, DocumentKind kind) {

    String pointer(String relative) {
        return base.concat(relative);
    }

    boolean isLanguageVersion2() {
        return template.get("languageVersion") instanceof Value.Str s && !s.value().startsWith("1");
    }

    Value section(String name) {
        return template.get(name);
    }

    /** The pointer of a top-level section, spelled as in the file. */
    String sectionPointer(String name) {
        String key = template.keyOf(name);
        return pointer("/" + JsonPointers.escape(key == null ? name : key));
    }
}
