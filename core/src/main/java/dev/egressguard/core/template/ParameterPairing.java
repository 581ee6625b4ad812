package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says what went wrong in pairing templates with parameter files, since a parameter file that
 * goes with no template is otherwise ignored without a word and its template is then checked
 * without the values: every verdict that depends on a required parameter turns UNKNOWN, and the
 * run passes.
 * <ul>
 *   <li>an explicit pair whose template is not among the templates checked is an error (a typo in
 *       the path would otherwise check nothing with those parameters);</li>
 *   <li>a parameter file that pairs with no template is a warning naming the name it would need
 *       ({@code azuredeploy.params.json}: {@code azuredeploy.parameters.json});</li>
 *   <li>an environment file ({@code x.parameters.dev.json}) is only used when paired explicitly:
 *       beside an {@code x.json} that has no parameter file it is an info, beside one that has, nothing.</li>
 * </ul>
 */
final class ParameterPairing {

    private static final String SUFFIX = ".json";
    private static final String CONVENTION = ".parameters";

    private ParameterPairing() {
    }

    /**
     * @param templates      the templates found, each with the parameter file it got
     * @param parameterFiles the parameter files met among the inputs (absolute, normalised)
     * @param explicit       the explicit pairs, template to parameter file (absolute, normalised)
     */
    static List<Diagnostic> check(List<TemplateInput> templates, Collection<Path> parameterFiles,
                                  Map<Path, Path> explicit, ProjectFiles files) {
        List<Diagnostic> out = new ArrayList<>();
        Set<Path> templateFiles = new HashSet<>();
        Set<Path> used = new HashSet<>();
        for (TemplateInput t : templates) {
            templateFiles.add(t.template());
            t.parameters().ifPresent(p -> used.add(p.toAbsolutePath().normalize()));
        }
        explicit.forEach((template, parameters) -> {
            if (!templateFiles.contains(template)) {
                out.add(Diagnostic.error(SourceLocation.of(files.display(template)), "parameter file "
                        + files.display(parameters) + " is paired with this template, which is not among the templates"
                        + " checked (a wrong path, or a file outside the inputs): its parameters are not used"));
            }
        });
        for (Path p : parameterFiles) {
            if (!used.contains(p)) {
                unpaired(p, templates, files).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Diagnostic> unpaired(Path parameters, List<TemplateInput> templates, ProjectFiles files) {
        String name = parameters.getFileName().toString();
        SourceLocation at = SourceLocation.of(files.display(parameters));
        List<TemplateInput> beside = templates.stream()
                .filter(t -> parameters.getParent().equals(t.template().getParent())).toList();
        Optional<TemplateInput> environmentOf = beside.stream()
                .filter(t -> isEnvironmentFile(name, baseName(t.template()))).findFirst();
        if (environmentOf.isPresent()) {
            TemplateInput t = environmentOf.get();
            return t.parameters().isPresent() ? Optional.empty() : Optional.of(Diagnostic.info(at,
                    "environment parameter file: used only when paired explicitly with " + fileName(t.template())
                            + ", which is checked without parameters (pair one with --parameters or <parameterFiles>)"));
        }
        List<TemplateInput> unpaired = beside.stream().filter(t -> t.parameters().isEmpty()).toList();
        Optional<TemplateInput> meant = unpaired.stream()
                .filter(t -> startsWithBase(name, baseName(t.template()))).findFirst()
                .or(() -> unpaired.size() == 1 ? Optional.of(unpaired.get(0)) : Optional.empty());
        String fix = meant.map(t -> "name it " + baseName(t.template()) + CONVENTION + SUFFIX + " to go with "
                        + fileName(t.template()))
                .orElse("name it <template>" + CONVENTION + SUFFIX + " after the template it goes with");
        return Optional.of(Diagnostic.warning(at, "parameter file pairs with no template, so its values are not used: "
                + fix + ", or pair it explicitly (--parameters or <parameterFiles>)"));
    }

    /** {@code main.parameters.dev.json} is an environment file of {@code main}. */
    private static boolean isEnvironmentFile(String name, String base) {
        String lower = name.toLowerCase(Locale.ROOT);
        String prefix = base.toLowerCase(Locale.ROOT) + CONVENTION + ".";
        return lower.startsWith(prefix) && lower.endsWith(SUFFIX) && lower.length() > prefix.length() + SUFFIX.length();
    }

    /** {@code azuredeploy.params.json} and {@code main-params.json} start with the name of their template. */
    private static boolean startsWithBase(String name, String base) {
        String lower = name.toLowerCase(Locale.ROOT);
        String b = base.toLowerCase(Locale.ROOT);
        return lower.length() > b.length() && lower.startsWith(b) && ".-_".indexOf(lower.charAt(b.length())) >= 0;
    }

    private static String baseName(Path template) {
        String name = fileName(template);
        return name.toLowerCase(Locale.ROOT).endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}
