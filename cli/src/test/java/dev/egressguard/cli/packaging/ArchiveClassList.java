package dev.egressguard.cli.packaging;

import dev.egressguard.cli.ArchivedClasses;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A packaging step, not a test: runs the shaded CLI jar on the bundled example the way users run
 * it (a verify in every report format, a map in both of its formats), asks the JVM which classes
 * those runs loaded ({@code -XX:DumpLoadedClassList}), and writes their names into the jar as
 * {@link ArchivedClasses#LIST}.
 *
 * <p>Why: {@code bin/egress}'s first run records the class-data sharing archive every later run
 * maps, and a JVM archives only the classes it loaded. A first run of {@code egress --version}
 * loaded a tenth of what a verify needs, and every later verify then loaded the rest from the jar
 * again (a verify of the example took 0.58 s of CPU instead of 0.34 s). With the list, the
 * recording run loads these classes too, whatever its command was ({@link ArchivedClasses}).
 *
 * <p>It lives in the test sources, like {@link OldClassFiles}, and runs after it (the CLI's pom,
 * maven-antrun-plugin), so the runs use the jar as it ships.
 */
public final class ArchiveClassList {

    /** A run of the example takes about a second; one that hangs must not hang the build. */
    private static final long RUN_SECONDS = 120;

    private ArchiveClassList() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ArchiveClassList JAR EXAMPLE_DIR WORK_DIR");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path example = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(example)) {
            throw new IllegalArgumentException("ArchiveClassList needs the shaded jar (" + jar + ") and the example to run it on ("
                    + example + "); one of them is missing");
        }
        Path work = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        List<String> names = classesLoadedBy(jar, example, work);
        writeInto(jar, names);
        System.out.println("[class-data sharing] " + names.size() + " classes a verify and a map load, listed in "
                + jar.getFileName() + " for the launcher's first run");
    }

    /** The classes the runs of the example loaded, each once, in the order they were first loaded. */
    static List<String> classesLoadedBy(Path jar, Path example, Path work) throws IOException, InterruptedException {
        Set<String> names = new LinkedHashSet<>();
        List<List<String>> commands = List.of(
                List.of("verify", ".", "--format", "json,sarif,junit,markdown", "--output", work.resolve("report").toString()),
                List.of("map", ".", "--format", "json,markdown", "--output", work.resolve("map").toString()));
        int i = 0;
        for (List<String> command : commands) {
            Path list = work.resolve("run-" + i++ + ".classlist");
            Files.deleteIfExists(list);
            run(jar, example, list, command);
            names.addAll(classNames(Files.readAllLines(list, StandardCharsets.UTF_8)));
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the runs of " + example + " loaded no class from a jar: nothing to list");
        }
        return new ArrayList<>(names);
    }

    private static void run(Path jar, Path example, Path list, List<String> command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:DumpLoadedClassList=" + list, "-jar", jar.toString()));
        line.addAll(command);
        Path log = list.resolveSibling(list.getFileName() + ".log");
        Process p = new ProcessBuilder(line).directory(example.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("egress " + String.join(" ", command) + " did not end within "
                    + RUN_SECONDS + " s (" + log + ")");
        }
        // The example passes: any other exit code means the runs did not do what users' runs do.
        if (p.exitValue() != 0 || !Files.isRegularFile(list)) {
            throw new IllegalStateException("egress " + String.join(" ", command) + " in " + example + " exited with "
                    + p.exitValue() + ", so its classes are not a user's (" + log + ")");
        }
    }

    /**
     * The names of the classes in a JVM's class list ({@code java/util/List}, one per line) as
     * {@code Class.forName} takes them. Comments, {@code @} directives (lambda proxies and method
     * handle forms, which a run makes and a list cannot) and hidden classes are left out.
     */
    static List<String> classNames(List<String> classList) {
        List<String> names = new ArrayList<>();
        for (String line : classList) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#") || name.startsWith("@") || name.contains(" ")
                    || name.contains("$$Lambda") || name.contains("LambdaForm$")) {
                continue;
            }
            names.add(name.replace('/', '.'));
        }
        return names;
    }

    /** Adds (or replaces) the list in the jar. */
    static void writeInto(Path jar, List<String> names) throws IOException {
        URI uri = URI.create("jar:" + jar.toUri());
        try (FileSystem zip = FileSystems.newFileSystem(uri, Map.of())) {
            Path entry = zip.getPath(ArchivedClasses.LIST);
            Files.createDirectories(entry.getParent());
            Files.write(entry, names, StandardCharsets.UTF_8);
        }
    }
}
