package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every template of the shared real-world corpus (shared/corpus, listed in MANIFEST.tsv) is
 * evaluated without an internal error, and the classic and languageVersion 2.0 forms of the same
 * template deploy the same resources.
 */
class CorpusTest {

    private static Path corpus;
    private static final Map<String, Path> TEMPLATES = new LinkedHashMap<>();

    @BeforeAll
    static void readManifest() throws IOException {
        String shared = System.getProperty("egress.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus")), "shared corpus not present");
        corpus = Path.of(shared, "corpus").toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int nameColumn = header.indexOf("name");
        int fileColumn = header.indexOf("file");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String file = cells[fileColumn].trim().split("\\s+")[0];
            TEMPLATES.put(cells[nameColumn], corpus.resolve(cells[nameColumn]).resolve(file));
        }
    }

    @Test
    void everyTemplateEvaluatesWithoutAnInternalError() {
        assertThat(TEMPLATES).hasSizeGreaterThanOrEqualTo(60);
        List<String> internal = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-42s %9s %8s %6s %8s%n", "template", "resources",
                "unknowns", "errors", "warnings"));
        for (Map.Entry<String, Path> e : TEMPLATES.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isRegularFile();
            EvaluatedTemplate t = TemplateEvaluator.evaluate(e.getValue(), TemplateFinder.conventional(e.getValue()),
                    DeploymentContext.DEFAULT, corpus);
            t.diagnostics().stream().filter(d -> d.message().contains("internal")).forEach(d -> internal.add(d.toString()));
            if (Boolean.getBoolean("corpus.verbose")) {
                t.diagnostics().forEach(d -> System.out.println("  " + d));
            }
            table.append(String.format("%-42s %9d %8d %6d %8d%n", e.getKey(), t.resources().size(), t.unknownCount(),
                    count(t, Diagnostic.Level.ERROR), count(t, Diagnostic.Level.WARNING)));
        }
        System.out.print(table);
        assertThat(internal).isEmpty();
    }

    /**
     * The lv2 rows are Bicep samples compiled with symbolic names; their classic siblings are the
     * quickstart versions of the same sample. They write subnets differently (inline in the vnet
     * vs. a resource of their own), so subnets are compared as the resource graph sees them, and
     * the quickstart VM has a GuestAttestation extension the older Bicep sample lacks.
     */
    @ParameterizedTest(name = "{0} deploys what {1} deploys")
    @CsvSource({
            "bicep-us-nat-gateway-vnet-lv2, nat-gateway-vnet, ''",
            "bicep-us-vm-new-or-existing-lv2, vm-new-or-existing-conditions, Microsoft.Compute/virtualMachines/extensions",
    })
    void languageVersion2AndClassicFormsAgree(String lv2, String classic, String typeOnlyInClassic) {
        EvaluatedTemplate symbolic = evaluateWithDefaults(lv2);
        EvaluatedTemplate plain = evaluateWithDefaults(classic);

        assertThat(symbolic.resources()).isNotEmpty();
        TreeSet<String> expected = idsAndTypes(plain);
        expected.removeIf(s -> !typeOnlyInClassic.isEmpty() && s.endsWith(" " + typeOnlyInClassic));
        assertThat(idsAndTypes(symbolic)).isEqualTo(expected);
    }

    private static EvaluatedTemplate evaluateWithDefaults(String name) {
        Path template = TEMPLATES.get(name);
        assertThat(template).as(name + " in MANIFEST.tsv").isNotNull();
        return TemplateEvaluator.evaluate(template, Optional.empty(), DeploymentContext.DEFAULT, corpus);
    }

    private static TreeSet<String> idsAndTypes(EvaluatedTemplate t) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Resource r : t.resources()) {
            out.add(r.id() + " " + r.type());
            if (r.isType("Microsoft.Network/virtualNetworks") && r.properties().get("subnets") instanceof Value.Arr subnets) {
                for (Value s : subnets.items()) {
                    if (s instanceof Value.Obj o && o.get("name") instanceof Value.Str name) {
                        out.add(r.id().child("subnets", name.value()) + " Microsoft.Network/virtualNetworks/subnets");
                    }
                }
            }
        }
        return out;
    }

    private static long count(EvaluatedTemplate t, Diagnostic.Level level) {
        return t.diagnostics().stream().filter(d -> d.level() == level).count();
    }
}
