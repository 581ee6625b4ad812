package dev.egressguard.core.rule;

import dev.egressguard.core.source.PreparedYaml;
import dev.egressguard.core.source.SafeYamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Built-in rule files read from their prepared trees ({@link PrepareBuiltInRules}) give what the YAML gives. */
class PreparedBuiltInRulesTest {

    private static final String FILE = "classpath:egress-guard/rules/pack.yaml";

    /** Two rules sharing a condition through an anchor, with a multi-line message and quoted texts. */
    private static final String GOOD = RuleFiles.HEADER + """
              # the shared part
              - id: A1
                name: first-rule
                severity: warning
                description: >-
                  folded
                  description
                select:
                  type: 'Microsoft.Network/publicIPAddresses'
                assert: &sku
                  field: sku.name
                  equals: "Standard"
                message: |
                  {name} has
                  no standard SKU
              - id: A2
                name: second-rule
                severity: error
                select: {type: "*"}
                assert: *sku
            """;

    /** Problems of the rules: a bad name, a bad severity, an unknown key, a bad operator, a bad message. */
    private static final String BAD = RuleFiles.HEADER + """
              - id: B1
                name: Bad_Name
                severity: fatal
                colour: red
                select:
                  type: x
                assert:
                  field: a
                  equalz: 1
              - id: B2
                name: b-two
                severity: error
                select:
                  type: y
                assert:
                  field: "a[?"
                  equals: 1
                message: "{unclosed"
            """;

    /** Problems of the tree, which stop the file before its rules: a tag and a duplicate key. */
    private static final String TAGGED = RuleFiles.HEADER + """
              - id: T1
                select:
                  type: !!set {x}
                assert:
                  field: a
                  field: b
            """;

    @ParameterizedTest
    @ValueSource(strings = {GOOD, BAD, TAGGED, "", "plain text\n", "rules: [\n"})
    void aPreparedFileParsesAsItsYaml(String yaml) {
        RuleFileParser.Parsed fromYaml = RuleFileParser.parse(FILE, yaml);
        SafeYamlReader.Composed prepared = PrepareBuiltInRules.prepare(bytes(yaml))
                .flatMap(p -> PreparedYaml.read(p, bytes(yaml))).orElse(null);

        assertThat(RuleFileParser.parse(FILE, yaml, prepared)).usingRecursiveComparison().isEqualTo(fromYaml);
    }

    @Test
    void theTestFilesAreWhatTheyClaim() {
        assertThat(RuleFileParser.parse(FILE, GOOD).rules()).hasSize(2);
        assertThat(RuleFileParser.parse(FILE, GOOD).diagnostics()).isEmpty();
        assertThat(RuleFileParser.parse(FILE, BAD).diagnostics()).hasSizeGreaterThan(4);
        assertThat(PrepareBuiltInRules.prepare(bytes(GOOD))).isPresent();
        assertThat(RuleFileParser.parse(FILE, TAGGED).diagnostics()).hasSize(2);
        assertThat(PrepareBuiltInRules.prepare(bytes(TAGGED))).as("!!set is a standard tag").isPresent();
        assertThat(PrepareBuiltInRules.prepare(bytes("rules: [\n"))).as("does not compose").isEmpty();
        assertThat(PrepareBuiltInRules.prepare(bytes("a: !custom x\n"))).as("a tag the format does not hold").isEmpty();
    }

    @Test
    void theBuildStepWritesATreeBesideEachListedFileAndDeletesAnOldOne(@TempDir Path classes) throws IOException {
        Path folder = Files.createDirectories(classes.resolve(RuleSetLoader.BUILT_IN_FOLDER));
        Files.writeString(folder.resolve("index.txt"), "# the pack\ngood.yaml\n\nbad.yaml\n");
        Files.writeString(folder.resolve("good.yaml"), GOOD);
        Files.writeString(folder.resolve("bad.yaml"), "rules: [\n");
        Files.writeString(folder.resolve("bad.yaml.nodes"), "left from an older build");

        PrepareBuiltInRules.main(new String[] {classes.toString()});

        assertThat(PreparedYaml.read(Files.readAllBytes(folder.resolve("good.yaml.nodes")), bytes(GOOD))).isPresent();
        assertThat(folder.resolve("bad.yaml.nodes")).doesNotExist();
    }

    /**
     * The prepared tree of one text stored as if made from another: used, the rules would be the
     * first text's. So the loader shows which it read: the tree only beside the very text it was
     * made from, else the YAML.
     */
    @Test
    void theLoaderUsesAPreparedTreeOnlyForItsOwnText() {
        String other = GOOD.replace("A1", "P1").replace("A2", "P2");
        byte[] swapped = PreparedYaml.write(bytes(GOOD), SafeYamlReader.compose(other).root());

        assertThat(ids(builtIns(GOOD, swapped))).as("the tree read").containsExactly("P1", "P2");
        assertThat(ids(builtIns(GOOD.replace("A1", "C1"), swapped))).as("stale: the YAML read").containsExactly("C1", "A2");
        assertThat(ids(builtIns(GOOD, null))).as("missing: the YAML read").containsExactly("A1", "A2");
        byte[] damaged = swapped.clone();
        damaged[damaged.length - 3] ^= 1;
        assertThat(ids(builtIns(GOOD, damaged))).as("damaged: the YAML read").containsExactly("A1", "A2");
        assertThat(ids(builtIns(GOOD, bytes("not a tree")))).as("not a tree: the YAML read").containsExactly("A1", "A2");
    }

    @Test
    void rulesReadFromTheTreeAreThoseOfTheYaml() {
        byte[] prepared = PrepareBuiltInRules.prepare(bytes(BAD)).orElseThrow();

        assertThat(builtIns(BAD, prepared)).usingRecursiveComparison().isEqualTo(builtIns(BAD, null));
    }

    private static RuleSet builtIns(String yaml, byte[] prepared) {
        Map<String, byte[]> resources = new HashMap<>();
        resources.put(RuleSetLoader.BUILT_IN_INDEX, bytes("pack.yaml\n"));
        resources.put(RuleSetLoader.BUILT_IN_FOLDER + "pack.yaml", bytes(yaml));
        if (prepared != null) {
            resources.put(RuleSetLoader.BUILT_IN_FOLDER + "pack.yaml" + RuleSetLoader.PREPARED_SUFFIX, prepared);
        }
        return new RuleSetLoader().addBuiltIn(new ResourcesOnly(resources)).load();
    }

    private static java.util.List<String> ids(RuleSet rules) {
        return rules.rules().stream().map(Rule::id).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A class loader with these resources and no others (the JDK's classes through the platform loader). */
    private static final class ResourcesOnly extends ClassLoader {
        private final Map<String, byte[]> resources;

        ResourcesOnly(Map<String, byte[]> resources) {
            super(ClassLoader.getPlatformClassLoader());
            this.resources = resources;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] b = resources.get(name);
            return b == null ? null : new ByteArrayInputStream(b);
        }
    }
}
