package dev.egressguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code egress} in a JVM of its own, as a user starts it: its own stderr (SLF4J writes there before
 * any command runs, once per JVM), its own environment, and a machine where nothing but 127.0.0.1
 * can be reached. The environment holds only what a test gives plus an empty PATH (no az, azd or
 * pwsh for DefaultAzureCredential to try) and a home of its own (no cached sign-ins); names resolve
 * only to localhost, so no request can leave the machine.
 */
final class EgressProcess {

    private EgressProcess() {
    }

    static Run run(Path dir, Map<String, String> environment, List<String> jvmOptions, String... args) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            Path path = Files.createDirectories(dir.resolve("empty-path"));
            Path hosts = dir.resolve("hosts");
            Files.writeString(hosts, "127.0.0.1 localhost\n");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Duser.home=" + home,
                    "-Djdk.net.hosts.file=" + hosts));
            command.addAll(jvmOptions);
            command.add(Main.class.getName());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile());
            pb.environment().clear();
            pb.environment().put("PATH", path.toString());
            pb.environment().put("HOME", home.toString());
            pb.environment().putAll(environment);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("egress did not end within 120 s: " + String.join(" ", args));
            }
            return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
