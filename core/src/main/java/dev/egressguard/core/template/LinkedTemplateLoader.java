package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the template a deployment's {@code templateLink} names: by {@code relativePath} (next to
 * the linking file, https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates)
 * or by a {@code uri} that {@link TemplateLinks} maps to a file of the project. Every problem is
 * logged at the deployment; nothing is fetched.
 */
final class LinkedTemplateLoader {

    /** What a link gave. */
    sealed interface Outcome {
    }

    /** The linked template, and the {@code templateLink} its own {@code deployment()} shows. */
    record Loaded(TemplateDocument document, Value.Obj ownLink) implements Outcome {
    }

    /** Nothing was read; the problem is logged, {@code reason} says why its outputs are unknown. */
    record NotLoaded(String reason) implements Outcome {
    }

    private LinkedTemplateLoader() {
    }

    static Outcome load(TemplateRun parent, Value.Obj link, String deploymentName, SourceLocation at) {
        if (link.get("relativePath") instanceof Value.Str relative) {
            return byRelativePath(parent, link, relative.value(), at);
        }
        Value uri = link.get("uri") != null ? link.get("uri") : link.get("id");
        if (link.get("uri") instanceof Value.Str u) {
            return byUri(parent, link, u.value(), deploymentName, at);
        }
        String shown = uri instanceof Value.Str u ? u.value() : uri instanceof Value.Unknown ? "(uri known only "
                + "at deployment)" : "(no uri)";
        parent.log().warning(at, "linked template " + shown + " is not fetched; its resources are unknown");
        return new NotLoaded("deployment '" + deploymentName + "' uses linked template " + shown
                + ", which is not fetched");
    }

    private static Outcome byRelativePath(TemplateRun parent, Value.Obj link, String relative, SourceLocation at) {
        Path from = parent.document().file();
        ProjectFiles files = parent.files();
        Optional<Path> file = from == null ? Optional.empty() : files.resolveInside(from, relative);
        if (file.isEmpty()) {
            parent.log().error(at, "linked template " + relative + " is outside the project root "
                    + files.root() + "; it is not read");
            return new NotLoaded("linked template " + relative + " could not be read");
        }
        if (!Files.isRegularFile(file.get())) {
            parent.log().error(at, "linked template " + relative + " does not exist (" + files.display(file.get()) + ")");
            return new NotLoaded("linked template " + relative + " could not be read");
        }
        // Azure combines a relativePath with the parent's URI: the child's own location.
        return read(parent, file.get(), relative, ownLink(link, TemplateLinks.markerOf(files, file.get())), at)
                .orElse(new NotLoaded("linked template " + relative + " could not be read"));
    }

    private static Outcome byUri(TemplateRun parent, Value.Obj link, String uri, String deploymentName,
                                 SourceLocation at) {
        TemplateLinks.Resolution resolution = TemplateLinks.resolve(uri, parent.files());
        if (resolution instanceof TemplateLinks.NotMapped notMapped) {
            parent.log().warning(at, "linked template " + notMapped.shown() + " is not fetched; its resources are "
                    + "unknown (map its URI prefix to a project directory as a linked template location to check it)");
            return new NotLoaded("deployment '" + deploymentName + "' uses linked template " + notMapped.shown()
                    + ", which is not fetched");
        }
        if (resolution instanceof TemplateLinks.Refused refused) {
            parent.log().error(at, refused.message());
            return new NotLoaded("deployment '" + deploymentName + "' links a template that is not read");
        }
        TemplateLinks.Local local = (TemplateLinks.Local) resolution;
        if (!Files.isRegularFile(local.file())) {
            parent.log().warning(at, "linked template " + local.shown() + " does not exist ("
                    + parent.files().display(local.file()) + "); its resources are unknown");
            return new NotLoaded("linked template " + local.shown() + " does not exist");
        }
        return read(parent, local.file(), local.shown(), ownLink(link, local.childUri()), at)
                .orElse(new NotLoaded("linked template " + local.shown() + " could not be read"));
    }

    /** The linked template's {@code deployment().properties.templateLink}: its URI, and the contentVersion asked for. */
    private static Value.Obj ownLink(Value.Obj link, String uri) {
        Map<String, Value> own = new LinkedHashMap<>();
        own.put("uri", Value.of(uri));
        if (link.get("contentVersion") instanceof Value.Str version) {
            own.put("contentVersion", version);
        }
        return new Value.Obj(own);
    }

    private static Optional<Outcome> read(TemplateRun parent, Path file, String shown, Value.Obj ownLink,
                                          SourceLocation at) {
        String display = parent.files().display(file);
        ArmJsonLoader.Result loaded = ParseCache.SHARED.load(parent.files().read(file), display);
        parent.log().addAll(loaded.diagnostics());
        if (loaded.json().isEmpty()) {
            return Optional.empty();
        }
        LoadedJson json = loaded.json().get();
        DocumentKind kind = DocumentKind.of(json.root());
        if (!kind.isTemplate()) {
            parent.log().warning(SourceLocation.of(display), "linked template " + shown
                    + " has no deploymentTemplate $schema; evaluated as a template anyway");
            kind = DocumentKind.TEMPLATE;
        }
        // Checked here, with the parameters this deployment passes: the run leaves it out on its own.
        parent.log().linked(file, at);
        return Optional.of(new Loaded(new TemplateDocument(file.toAbsolutePath().normalize(), json.sourceMap(),
                json.rootObject(), "", kind), ownLink));
    }
}
