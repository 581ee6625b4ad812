package dev.egressguard.core.rule;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema that editors use and the loader agree: every valid example (test files and
 * the docs' examples) passes both, every bad one is refused by both.
 */
class RuleSchemaTest {

    static JsonSchema schema() {
        try (InputStream in = RuleSchemaTest.class.getResourceAsStream("/egress-guard/schema/ruleset.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(String folder) {
        try (Stream<Path> s = Files.list(Path.of(RuleSchemaTest.class.getResource("/rules/" + folder).toURI()))) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> validFilesPassTheLoaderAndTheSchema() {
        JsonSchema schema = schema();
        return files("valid").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = read(p);
            assertThat(RuleSetLoader.parse(p.toString(), text).diagnostics()).isEmpty();
            assertThat(schema.validate(YamlJson.read(text))).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilesAreRefusedByTheLoaderAndTheSchema() {
        JsonSchema schema = schema();
        return files("invalid").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = read(p);
            assertThat(RuleSetLoader.parse(p.toString(), text).hasErrors()).as("loader refuses").isTrue();
            Set<ValidationMessage> problems = schema.validate(YamlJson.read(text));
            assertThat(problems).as("schema refuses").isNotEmpty();
        }));
    }

    /** The built-in pack (rules module), when this checkout has it: its files must fit the schema editors use. */
    @TestFactory
    Stream<DynamicTest> builtInRuleFilesPassTheSchema() throws IOException {
        Path folder = DocExamples.root().resolve("rules/src/main/resources/" + RuleSetLoader.BUILT_IN_FOLDER);
        Path index = folder.resolve("index.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(index), "no rules module in this checkout");
        JsonSchema schema = schema();
        List<String> names = Files.readAllLines(index).stream().map(String::strip)
                .filter(n -> !n.isEmpty() && !n.startsWith("#")).toList();
        assertThat(names).isNotEmpty();
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            String text = read(folder.resolve(n));
            assertThat(RuleSetLoader.parse(n, text).diagnostics()).isEmpty();
            assertThat(schema.validate(YamlJson.read(text))).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> docExamplesPassTheSchema() {
        JsonSchema schema = schema();
        return DocExamples.ruleFiles().stream().map(block -> DynamicTest.dynamicTest(block.label(), () ->
                assertThat(schema.validate(YamlJson.read(block.text()))).isEmpty()));
    }
}
