package dev.egressguard.core.template;

import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the templates found are checked only through the templates that link them. A linked
 * template is a part of its parent's deployment: checked on its own it gets no parameters, and its
 * required ones make empty names, {@code unknown-name-N} resources and input errors that no
 * deployment would have. So a template another checked template links is left out on its own,
 * unless it has a parameter file of its own (by convention or paired explicitly) or the user named
 * the file itself as an input.
 *
 * <p>Who links whom is known only by evaluating: the run first evaluates the templates that
 * {@link #mayLink may link} others, then asks {@link #checkedThroughParent} which templates to leave
 * out. Templates linking each other in a ring with no other parent: the first of them, in the
 * order found, is checked on its own and covers the others.
 */
public final class LinkedInputs {

    private static final byte[] TEMPLATE_LINK = "templatelink".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private LinkedInputs() {
    }

    /**
     * Whether the file mentions {@code templateLink} at all: one that does not cannot link a
     * template, and needs no evaluation to know it. A file that cannot be read may (its evaluation
     * reports why).
     */
    public static boolean mayLink(Path template, Path projectRoot) {
        if (!(new ProjectFiles(projectRoot).readGiven(template) instanceof ConfinedFiles.Bytes read)) {
            return true;
        }
        byte[] bytes = read.bytes();
        outer:
        for (int i = 0; i + TEMPLATE_LINK.length <= bytes.length; i++) {
            for (int j = 0; j < TEMPLATE_LINK.length; j++) {
                int b = bytes[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != TEMPLATE_LINK[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The inputs not to check on their own, each with the place of the link that checks it.
     *
     * @param links for each template evaluated so far, the files its linked deployments read
     *              ({@link EvaluatedTemplate#linkedFiles()}); templates missing here link nothing
     */
    public static Map<Path, SourceLocation> checkedThroughParent(List<TemplateInput> inputs,
                                                                Map<Path, Map<Path, SourceLocation>> links) {
        Set<Path> linkedByAnother = new HashSet<>();
        links.forEach((parent, children) -> children.keySet().stream()
                .filter(child -> !child.equals(parent)).forEach(linkedByAnother::add));
        Set<Path> kept = new HashSet<>();
        Map<Path, SourceLocation> covered = new LinkedHashMap<>();
        for (TemplateInput input : inputs) {
            if (standsAlone(input) || !linkedByAnother.contains(key(input))) {
                keep(key(input), kept, covered, links);
            }
        }
        // What is left links and is linked only within rings: the first of each ring stands for it.
        for (TemplateInput input : inputs) {
            Path p = key(input);
            if (!kept.contains(p) && !covered.containsKey(p)) {
                keep(p, kept, covered, links);
            }
        }
        Map<Path, SourceLocation> out = new LinkedHashMap<>();
        for (TemplateInput input : inputs) {
            Path p = key(input);
            if (!kept.contains(p) && covered.containsKey(p)) {
                out.put(p, covered.get(p));
            }
        }
        return out;
    }

    /** A template with parameters of its own, or one the user named, is a deployment of its own too. */
    private static boolean standsAlone(TemplateInput input) {
        return input.parameters().isPresent() || input.named();
    }

    private static void keep(Path p, Set<Path> kept, Map<Path, SourceLocation> covered,
                             Map<Path, Map<Path, SourceLocation>> links) {
        kept.add(p);
        // A template's evaluation reads its whole chain of links, so its own list covers the grandchildren.
        links.getOrDefault(p, Map.of()).forEach((child, at) -> {
            if (!child.equals(p)) {
                covered.putIfAbsent(child, at);
            }
        });
    }

    private static Path key(TemplateInput input) {
        return input.template().toAbsolutePath().normalize();
    }
}
