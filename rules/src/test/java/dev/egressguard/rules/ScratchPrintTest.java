package dev.egressguard.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

class ScratchPrintTest {
    @Test
    void print() throws Exception {
        String only = System.getProperty("scratch.dir", "src/test/resources/fixtures");
        try (Stream<Path> s = Files.walk(Path.of(only))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Pipeline.Run run = Pipeline.run(p, Map.of());
                System.out.println("=== " + p);
                run.diagnostics().forEach(d -> System.out.println("  diag " + d));
                run.result().evaluations().forEach(e -> System.out.println("  " + e.ruleId() + " " + e.outcome() + " " + e.resourceType() + " '" + e.resourceName() + "'"));
                run.result().findings().forEach(f -> System.out.println("  -> " + f.ruleId() + " " + f.outcome() + " '" + f.resourceName() + "': " + f.message() + "  @" + f.location() + " path=" + f.path()));
            }
        }
    }
}
