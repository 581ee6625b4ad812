package dev.egressguard.core.rule;

import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading from files, directories and the classpath; metadata and source text for `egress rules show`. */
class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private static final String TWO_RULES = RuleFiles.HEADER + """
              # the first rule
              - id: R1
                name: first-rule
                title: The first
                severity: warning
                helpUri: https://example.com/r1
                tags: [a, b]
                select: {type: '*'}
                assert:
                  field: name
                  exists: true

              - id: R2
                name: second-rule
                severity: note
                select: {type: '*'}
                assert: {field: name, exists: true}
            """;

    @Test
    void rulesCarryTheirDescriptorLocationAndSourceText() {
        RuleSet set = RuleSetLoader.parse("p.yaml", TWO_RULES);
        assertThat(set.descriptors()).extracting(RuleDescriptor::id, RuleDescriptor::title, RuleDescriptor::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", "The first", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("R2", "second-rule", Severity.NOTE));
        Rule r1 = set.find("first-rule").orElseThrow();
        assertThat(r1.descriptor().tags()).containsExactly("a", "b");
        assertThat(r1.location()).isEqualTo(new SourceLocation("p.yaml", 5, 5));
        assertThat(r1.sourceText()).isEqualTo("""
                id: R1
                name: first-rule
                title: The first
                severity: warning
                helpUri: https://example.com/r1
                tags: [a, b]
                select: {type: '*'}
                assert:
                  field: name
                  exists: true
                """);
        assertThat(set.find("r2").orElseThrow().sourceText()).startsWith("id: R2\n").endsWith("assert: {field: name, exists: true}\n");
    }

    @Test
    void aDirectoryLoadsItsYamlFilesInNameOrderButNotItsTestsFolder() throws IOException {
        Files.writeString(dir.resolve("b.yml"), TWO_RULES);
        Files.writeString(dir.resolve("a.yaml"), TWO_RULES.replace("R1", "A1").replace("R2", "A2"));
        Files.writeString(dir.resolve("notes.txt"), "not a rule file");
        Files.createDirectories(dir.resolve("tests/case"));
        Files.writeString(dir.resolve("tests/case/expected.yaml"), "none\n");

        RuleSet set = RuleSetLoader.load(List.of(dir), false);

        assertThat(set.diagnostics()).isEmpty();
        assertThat(set.rules()).extracting(Rule::id).containsExactly("A1", "A2", "R1", "R2");
        assertThat(set.sources()).containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yml").toString());
    }

    @Test
    void aMissingPathIsAnErrorAndTheRestLoads() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), TWO_RULES);
        RuleSet set = RuleSetLoader.load(List.of(dir.resolve("nope.yaml"), dir.resolve("a.yaml")), false);
        assertThat(set.rules()).hasSize(2);
        assertThat(set.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly(dir.resolve("nope.yaml") + ": error: no such rule file or directory");
    }

    @Test
    void builtInRulesComeFromTheClasspathIndex() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("egress-guard/rules"));
        Files.writeString(folder.resolve("index.txt"), "# built-in rules\npack.yaml\n\nmissing.yaml\n");
        Files.writeString(folder.resolve("pack.yaml"), TWO_RULES);
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RuleSet set = new RuleSetLoader().addBuiltIn(cl).load();
            assertThat(set.rules()).extracting(Rule::id).containsExactly("R1", "R2");
            assertThat(set.rules().get(0).location().file()).isEqualTo("classpath:egress-guard/rules/pack.yaml");
            assertThat(set.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                    "classpath:egress-guard/rules/index.txt: error: lists missing.yaml, which is not on the classpath");
        }
    }

    @Test
    void noBuiltInRulesOnTheClasspathIsNotAnError() throws IOException {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RuleSet set = new RuleSetLoader().addBuiltIn(cl).load();
            assertThat(set.rules()).isEmpty();
            assertThat(set.diagnostics()).isEmpty();
        }
    }

    @Test
    void notUtf8IsAnError() throws IOException {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(RuleSetLoader.load(List.of(dir), false).diagnostics()).extracting(Diagnostic::toString)
                .containsExactly(dir.resolve("latin1.yaml") + ": error: not UTF-8 text");
    }
}
