package dev.egressguard.core.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a verification in a JVM of its own, for what a test cannot watch in its own JVM: a heap
 * limit, or a security manager that sees every name lookup. Returns the lines the child printed.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static List<String> verify(Class<?> main, Path root, String... jvmOptions) throws IOException, InterruptedException {
        return verify(main, root, List.of(jvmOptions), List.of());
    }

    /** {@code args} go to {@code main} after the root. */
    static List<String> verify(Class<?> main, Path root, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), root.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("child JVM exit; its output:%n%s", String.join("\n", lines)).isZero();
        return lines;
    }
}
