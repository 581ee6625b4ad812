package dev.egressguard.rules;

import dev.egressguard.core.rule.RuleSet;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.source.PreparedYaml;
import dev.egressguard.core.source.SafeYamlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build prepares the built-in pack (the rules module's {@code PrepareBuiltInRules} step): the
 * tree beside {@code egress.yaml} is the one its text composes to, and reading the built-ins from
 * it gives the rules and diagnostics the YAML gives, without SnakeYAML's scanner.
 */
class PreparedPackTest {

    private static final String YAML = RuleSetLoader.BUILT_IN_FOLDER + "egress.yaml";
    private static final String PREPARED = YAML + RuleSetLoader.PREPARED_SUFFIX;
    /** SnakeYAML's packages that read text: the built-ins need none of them, only its node classes. */
    private static final List<String> COMPOSING = List.of("org.yaml.snakeyaml.reader.", "org.yaml.snakeyaml.scanner.",
            "org.yaml.snakeyaml.tokens.", "org.yaml.snakeyaml.parser.", "org.yaml.snakeyaml.events.",
            "org.yaml.snakeyaml.composer.", "org.yaml.snakeyaml.resolver.");

    @Test
    void theBuildPreparedTheTreeOfTheYamlAsItIsNow() {
        byte[] yaml = resource(YAML);
        byte[] prepared = resource(PREPARED);
        SafeYamlReader.Composed composed = SafeYamlReader.compose(new String(yaml, StandardCharsets.UTF_8));

        SafeYamlReader.Composed rebuilt = PreparedYaml.read(prepared, yaml).orElseThrow();

        // Written again, the composed and the rebuilt tree give the prepared bytes: the same nodes.
        assertThat(PreparedYaml.write(yaml, composed.root())).isEqualTo(prepared);
        assertThat(PreparedYaml.write(yaml, rebuilt.root())).isEqualTo(prepared);
    }

    @Test
    void theBuiltInsReadFromTheTreeAreThoseOfTheYaml() {
        String text = new String(resource(YAML), StandardCharsets.UTF_8);
        RuleSet fromYaml = RuleSetLoader.parse("classpath:" + YAML, text);

        RuleSet builtIns = new RuleSetLoader().addBuiltIn().load();

        assertThat(builtIns.rules()).hasSize(6);
        // A compiled pattern has no equals of its own: the same text and flags are the same pattern.
        assertThat(builtIns).usingRecursiveComparison()
                .withEqualsForType((a, b) -> a.pattern().equals(b.pattern()) && a.flags() == b.flags(), Pattern.class)
                .isEqualTo(fromYaml);
    }

    /**
     * In a class loader of their own, so that no other test has loaded SnakeYAML's composing
     * classes before: the built-ins load none of them, while parsing the same text does.
     */
    @Test
    void readingTheBuiltInsComposesNoYaml() throws ReflectiveOperationException {
        Isolated builtIns = new Isolated();
        Method load = builtIns.loadClass(RuleSetLoader.class.getName()).getMethod("load", List.class, boolean.class);
        Object rules = load.invoke(null, List.of(), true);
        assertThat(rules.toString()).contains("EG001", "EG006");
        assertThat(builtIns.defined()).anyMatch(n -> n.startsWith("org.yaml.snakeyaml.nodes."))
                .noneMatch(n -> COMPOSING.stream().anyMatch(n::startsWith));

        Isolated parsed = new Isolated();
        parsed.loadClass(RuleSetLoader.class.getName()).getMethod("parse", String.class, String.class)
                .invoke(null, "egress.yaml", new String(resource(YAML), StandardCharsets.UTF_8));
        assertThat(parsed.defined()).contains("org.yaml.snakeyaml.scanner.ScannerImpl", "org.yaml.snakeyaml.composer.Composer",
                "org.yaml.snakeyaml.resolver.Resolver");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PreparedPackTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Defines Egress Guard's and SnakeYAML's classes itself, from the test class path, and
     * remembers which; everything else (and every resource) comes from the test's loader.
     */
    private static final class Isolated extends ClassLoader {
        private final Set<String> defined = new TreeSet<>();

        Isolated() {
            super(PreparedPackTest.class.getClassLoader());
        }

        synchronized Set<String> defined() {
            return Set.copyOf(defined);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.egressguard.") && !name.startsWith("org.yaml.snakeyaml.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = classFile(name);
                    c = defineClass(name, bytes, 0, bytes.length);
                    synchronized (this) {
                        defined.add(name);
                    }
                }
                return c;
            }
        }

        private byte[] classFile(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
