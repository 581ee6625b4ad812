package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diagnostics of one evaluation (a template and everything it nests). The same problem met
 * again in every copy of a loop is reported once, and values of secure parameters are masked in
 * every message, wherever the message came from.
 */
final class EvaluationLog {

    private static final int MIN_MASKED_LENGTH = 3;

    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Map<Path, SourceLocation> linkedFiles = new LinkedHashMap<>();
    private int unknowns;
    private int placeholders;
    private boolean templateLinkRead;

    /** A linked template read from {@code file}, linked at {@code at}; the first link to a file is kept. */
    void linked(Path file, SourceLocation at) {
        linkedFiles.putIfAbsent(file.toAbsolutePath().normalize(), at);
    }

    /** Every file a linked deployment read, with where the first link to it is. */
    Map<Path, SourceLocation> linkedFiles() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(linkedFiles));
    }

    /** A name for a resource whose own name cannot be used, unique in the whole evaluation. */
    String placeholder(String kind) {
        return kind + "-" + (++placeholders);
    }

    /**
     * {@code deployment()} was evaluated where {@code properties.templateLink} holds a marker URI:
     * only then can a resource hold a marker ({@link TemplateLinks#withoutMarkers}).
     */
    void templateLinkRead() {
        templateLinkRead = true;
    }

    boolean wasTemplateLinkRead() {
        return templateLinkRead;
    }

    /** Counts values (or whole resources) that only a deployment could tell. */
    void countUnknown(int n) {
        unknowns += n;
    }

    int unknowns() {
        return unknowns;
    }

    void error(SourceLocation at, String message) {
        add(Diagnostic.error(at, message));
    }

    void warning(SourceLocation at, String message) {
        add(Diagnostic.warning(at, message));
    }

    void info(SourceLocation at, String message) {
        add(Diagnostic.info(at, message));
    }

    void add(Diagnostic d) {
        diagnostics.add(new Diagnostic(d.level(), d.location(), mask(d.message())));
    }

    void addAll(List<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    /** A value of a secure parameter: never printed. */
    void secret(String value) {
        if (value != null && value.length() >= MIN_MASKED_LENGTH) {
            secrets.add(value);
        }
    }

    String mask(String message) {
        String out = message;
        for (String s : secrets) {
            out = out.replace(s, "<secure>");
        }
        return out;
    }

    List<Diagnostic> diagnostics() {
        return new ArrayList<>(diagnostics);
    }
}
