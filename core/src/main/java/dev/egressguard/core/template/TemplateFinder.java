package dev.egressguard.core.template;

import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the ARM templates among files and directories and pairs each with its parameter file.
 * A file is a template when its {@code $schema} names a deploymentTemplate schema; other JSON is
 * skipped with an INFO diagnostic; a .json file that is not a JSON object at all is an error.
 * Pairing: an explicit pair wins; else {@code x.json} goes with
 * {@code x.parameters.json} beside it ({@code azuredeploy.json} with
 * {@code azuredeploy.parameters.json}). Environment files such as {@code x.parameters.dev.json}
 * are only used when paired explicitly: choosing one is the user's call.
 * Directories named {@code target}, {@code node_modules} and {@code .git} are never entered.
 * A file given itself as an input (not found in a directory) is {@link TemplateInput#named()}.
 * What would otherwise pass in silence is said: a parameter file that pairs with no template and
 * an explicit pair whose template is not checked ({@link ParameterPairing}), a directory that
 * holds no template, a file named as an input that is not one.
 */
public final class TemplateFinder {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git");
    private static final List<String> DEFAULT_INCLUDES = List.of("**/*.json");

    /** The templates found, in a stable order, and what was skipped or wrong. */
    public record Found(List<TemplateInput> templates, List<Diagnostic> diagnostics) {
    }

    private TemplateFinder() {
    }

    public static Found find(List<Path> inputs, List<String> includes, List<String> excludes) {
        return find(inputs, includes, excludes, Map.of(), Path.of(""));
    }

    /**
     * @param explicitParameters template to parameter file, overriding the naming convention
     * @param projectRoot        file names in diagnostics are relative to it
     */
    public static Found find(List<Path> inputs, List<String> includes, List<String> excludes,
                             Map<Path, Path> explicitParameters, Path projectRoot) {
        ProjectFiles files = new ProjectFiles(projectRoot);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<Path> candidates = new LinkedHashSet<>();
        // Files the user named themselves: checked on their own even when another template links them.
        Set<Path> named = new java.util.HashSet<>();
        List<String> inc = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        List<String> exc = excludes == null ? List.of() : excludes;
        // Directories given as inputs, with what was found in each: one that holds no template is worth a word.
        Map<Path, List<Path>> scanned = new LinkedHashMap<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                List<Path> inDirectory = scan(abs, inc, exc, files, diagnostics);
                scanned.put(abs, inDirectory);
                candidates.addAll(inDirectory);
            } else if (Files.isRegularFile(abs)) {
                candidates.add(abs);
                named.add(abs);
            } else {
                diagnostics.add(Diagnostic.error(SourceLocation.of(files.display(abs)), "no such file or directory"));
            }
        }
        Map<Path, Path> explicit = new LinkedHashMap<>();
        explicitParameters.forEach((t, p) -> explicit.put(t.toAbsolutePath().normalize(), p.toAbsolutePath().normalize()));
        List<TemplateInput> templates = new ArrayList<>();
        List<Path> parameterFiles = new ArrayList<>();
        Set<Path> unreadable = new java.util.HashSet<>();
        for (Path file : candidates) {
            String display = files.display(file);
            Classified c = classify(files.readGiven(file), display);
            if (c.kind().isTemplate()) {
                templates.add(new TemplateInput(file, Optional.ofNullable(explicit.get(file)).or(() -> conventional(file)),
                        named.contains(file)));
            } else if (!c.problems().isEmpty()) {
                diagnostics.addAll(c.problems());
                unreadable.add(file);
            } else if (c.kind() == DocumentKind.PARAMETERS) {
                parameterFiles.add(file);
            } else if (c.kind() == DocumentKind.OTHER) {
                // A file the user named is meant to be checked: skipping it is worth a warning.
                diagnostics.add(named.contains(file)
                        ? Diagnostic.warning(SourceLocation.of(display), "not an ARM template (its $schema is not a"
                                + " deploymentTemplate schema); skipped")
                        : Diagnostic.info(SourceLocation.of(display), "not an ARM template; skipped"));
            }
        }
        diagnostics.addAll(ParameterPairing.check(templates, parameterFiles, explicit, files));
        scanned.forEach((dir, found) -> {
            // A file that could not be read has had its error, and may well have been the template.
            boolean holdsTemplate = templates.stream().anyMatch(t -> t.template().startsWith(dir));
            if (!holdsTemplate && found.stream().noneMatch(unreadable::contains)) {
                String shown = files.display(dir).isEmpty() ? "." : files.display(dir);
                String read = found.isEmpty() ? "no file matched the includes"
                        : found.size() + (found.size() == 1 ? " file matched" : " files matched")
                        + " the includes, none with a deploymentTemplate $schema";
                diagnostics.add(Diagnostic.warning(SourceLocation.of(shown), "no ARM template in this directory ("
                        + read + "): nothing here is checked"));
            }
        });
        return new Found(templates, diagnostics);
    }

    /** {@code x.json} -> {@code x.parameters.json} beside it, when that file exists. */
    static Optional<Path> conventional(Path template) {
        String name = template.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return Optional.empty();
        }
        Path params = template.resolveSibling(name.substring(0, name.length() - 5) + ".parameters.json");
        return Files.isRegularFile(params) ? Optional.of(params) : Optional.empty();
    }

    /** What a file is, and what was wrong when it could not be read as JSON. */
    record Classified(DocumentKind kind, List<Diagnostic> problems) {
    }

    /**
     * What a file is, by its {@code $schema}. A file that is not valid JSON but names a
     * deploymentTemplate schema counts as a template, so its evaluation reports what is wrong;
     * any other file that cannot be read as a JSON object (empty, an array, not UTF-8, over 4 MB)
     * is an error of its own, since a broken template must not pass unnoticed. A template is
     * known by its leading {@code $schema} alone: the evaluator parses it anyway, so parsing it
     * here too only doubled the cost.
     */
    static Classified classify(ConfinedFiles.Read file, String display) {
        if (!(file instanceof ConfinedFiles.Bytes read)) {
            // Not read (outside the project root, too large, unreadable): an error, never a quiet skip.
            return new Classified(DocumentKind.OTHER, ArmJsonLoader.load(file, display).diagnostics());
        }
        byte[] bytes = read.bytes();
        Optional<DocumentKind> early = ArmJsonLoader.topLevelSchema(bytes).map(DocumentKind::ofSchema)
                .filter(DocumentKind::isTemplate);
        if (early.isPresent()) {
            // A template is evaluated (and any later defect reported) by the evaluator's own parse.
            return new Classified(early.get(), List.of());
        }
        ArmJsonLoader.Result loaded = ArmJsonLoader.parse(bytes, display);
        if (loaded.json().isPresent()) {
            return new Classified(DocumentKind.of(loaded.json().get().root()), List.of());
        }
        String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("deploymenttemplate")) {
            return new Classified(DocumentKind.TEMPLATE, List.of());
        }
        if (text.contains("deploymentparameters")) {
            return new Classified(DocumentKind.PARAMETERS, List.of());
        }
        return new Classified(DocumentKind.OTHER, loaded.diagnostics());
    }

    private static List<Path> scan(Path dir, List<String> includes, List<String> excludes, ProjectFiles files,
                                   List<Diagnostic> diagnostics) {
        List<PathMatcher> inc = includes.stream().map(TemplateFinder::matcher).toList();
        List<PathMatcher> exc = excludes.stream().map(TemplateFinder::matcher).toList();
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && SKIPPED_DIRECTORIES.contains(d.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    Path rel = dir.relativize(f);
                    if (attrs.isRegularFile() && matches(inc, rel) && !matches(exc, rel)) {
                        found.add(f);
                    } else if (attrs.isSymbolicLink() && !matches(exc, rel)) {
                        // Never followed, so a link cannot lead the scan outside the project; said, not silent.
                        diagnostics.add(Diagnostic.warning(SourceLocation.of(files.display(f)),
                                "a symbolic link; the scan does not follow links, so nothing behind it is checked"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    diagnostics.add(Diagnostic.warning(SourceLocation.of(files.display(f)), "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(files.display(dir)), "cannot be scanned: " + e.getMessage()));
        }
        found.sort(null);
        return found;
    }

    /** A glob; {@code **}{@code /x} also matches {@code x} at the top, as people expect. */
    private static PathMatcher matcher(String glob) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (!glob.startsWith("**/")) {
            return m;
        }
        PathMatcher top = FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3));
        return p -> m.matches(p) || top.matches(p);
    }

    private static boolean matches(List<PathMatcher> matchers, Path rel) {
        Path unix = Path.of(rel.toString().replace('\\', '/'));
        return matchers.stream().anyMatch(m -> m.matches(unix));
    }
}
