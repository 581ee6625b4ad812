package dev.egressguard.cli.packaging;

import dev.egressguard.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaging step that makes picocli's Java 5 class files archivable, on picocli's own jar. */
class OldClassFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyOldClassFileIsRewrittenAndEveryOtherEntryKeptByteForByte() throws Exception {
        Path jar = dir.resolve("mixed.jar");
        Map<String, byte[]> before = new LinkedHashMap<>(entries(jarOf(CommandLine.class)));
        before.put("dev/egressguard/cli/Main.class", classFile(Main.class));
        before.put("notes/readme.txt", "not a class".getBytes());
        write(jar, before);
        long old = before.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".class") && OldClassFiles.isOlderThanJava6(e.getValue())).count();
        assertThat(old).as("picocli is compiled for Java 5; if a release changes that, this step can go").isGreaterThan(100);

        int upgraded = OldClassFiles.upgradeInPlace(jar);

        Map<String, byte[]> after = entries(jar);
        assertThat(upgraded).isEqualTo(old);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(after.get("dev/egressguard/cli/Main.class")).isEqualTo(before.get("dev/egressguard/cli/Main.class"));
        assertThat(after.get("notes/readme.txt")).isEqualTo(before.get("notes/readme.txt"));
        after.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                assertThat(OldClassFiles.isOlderThanJava6(bytes)).as(name).isFalse();
            }
        });
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("mixed.jar");
    }

    /**
     * The rewritten classes pass the type-checking verifier (every one is loaded and initialised in
     * a class loader of its own) and picocli still works: it parses a command line built through
     * its own API.
     */
    @Test
    void theRewrittenClassesVerifyAndPicocliStillParses() throws Exception {
        Path jar = Files.copy(jarOf(CommandLine.class), dir.resolve("picocli.jar"));
        OldClassFiles.upgradeInPlace(jar);

        List<String> classes = new ArrayList<>();
        entries(jar).keySet().stream().filter(n -> n.endsWith(".class") && !n.contains("module-info"))
                .forEach(n -> classes.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                Class<?> c = Class.forName(name, true, loader);
                assertThat(c.getClassLoader()).as(name).isSameAs(loader);
            }
            Class<?> specClass = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
            Class<?> optionClass = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
            Object spec = call(null, specClass, "create");
            Object builder = call(null, optionClass, "builder", String[].class, (Object) new String[]{"--format"});
            call(builder, builder.getClass(), "type", Class.class, String.class);
            call(spec, specClass, "addOption", optionClass, call(builder, builder.getClass(), "build"));
            Object commandLine = Class.forName("picocli.CommandLine", true, loader).getConstructor(Object.class).newInstance(spec);
            Object result = call(commandLine, commandLine.getClass(), "parseArgs", String[].class,
                    (Object) new String[]{"--format", "json"});
            Object value = call(result, result.getClass(), "matchedOptionValue", String.class, Object.class, "--format", null);
            assertThat(value).isEqualTo("json");
        }
    }

    @Test
    void aClassWhoseFramesCannotBeComputedFailsTheBuild() throws Exception {
        // Frames need the supertypes of what a method handles; from an empty class path there are none.
        byte[] help = entries(jarOf(CommandLine.class)).get("picocli/CommandLine$Help.class");
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> OldClassFiles.upgrade(help, nothing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot rewrite picocli/CommandLine$Help for class-data sharing");
        }
    }

    /** Calls a method by reflection: picocli's builders inherit public methods from package-private classes. */
    private static Object call(Object target, Class<?> type, String name, Object... typesThenArguments) throws Exception {
        int n = typesThenArguments.length / 2;
        Class<?>[] types = new Class<?>[n];
        Object[] arguments = new Object[n];
        for (int i = 0; i < n; i++) {
            types[i] = (Class<?>) typesThenArguments[i];
            arguments[i] = typesThenArguments[n + i];
        }
        java.lang.reflect.Method m = type.getMethod(name, types);
        m.setAccessible(true);
        return m.invoke(target, arguments);
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
