package dev.egressguard.core.template;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every compiled Azure Verified Module of shared/corpus-avm is a valid template that its own CI
 * deployed: evaluating one gives no error and throws nothing.
 */
class AvmCorpusTest {

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String shared = System.getProperty("egress.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus-avm")), "shared corpus-avm not present");
        corpus = Path.of(shared, "corpus-avm").toAbsolutePath().normalize();
    }

    @Test
    void everyModuleEvaluatesWithoutAnInputError() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.walk(corpus)) {
            modules = files.filter(f -> f.getFileName().toString().equals("main.json")).sorted().toList();
        }
        assertThat(modules).hasSizeGreaterThanOrEqualTo(150);
        StringBuilder failures = new StringBuilder();
        for (Path module : modules) {
            String name = corpus.relativize(module).toString();
            try {
                EvaluatedTemplate t = TemplateEvaluator.evaluate(module, Optional.empty(), DeploymentContext.DEFAULT, corpus);
                List<Diagnostic> errors = t.diagnostics().stream()
                        .filter(d -> d.level() == Diagnostic.Level.ERROR || d.message().contains("internal")).toList();
                if (!errors.isEmpty()) {
                    failures.append(String.format("%-60s %3d error(s)%n", name, errors.size()));
                    errors.forEach(d -> failures.append("    ").append(d).append('\n'));
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.append(String.format("%-60s threw %s%n", name, e));
            }
        }
        assertThat(failures.toString()).as("modules with errors").isEmpty();
    }
}
