package dev.egressguard.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "What are my egress IPs?" pastes what {@code egress map} prints for the bundled
 * examples: it must stay what the command prints. (Tests run in the cli module's directory.)
 */
class ReadmeMapExampleTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static String map(String example, String format) {
        Run run = Run.egress("map", ROOT.resolve("examples").resolve(example).toString(), "--format", format);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    @Test
    void theMarkdownOfBothExamplesIsWhatTheCommandPrints() throws Exception {
        assertThat(readme()).contains("map examples/nat-gateway-cluster --format markdown\n```\n\nprints"
                        + " (a pull-request comment or a wiki page renders the tables and the Mermaid diagram):\n\n````markdown\n"
                        + map("nat-gateway-cluster", "markdown") + "````\n")
                .contains("map examples/public-ip-cluster --format markdown\n```\n\n````markdown\n"
                        + map("public-ip-cluster", "markdown") + "````\n");
    }

    @Test
    void theAllowlistIsWhatTheCommandPrints() throws Exception {
        assertThat(readme()).contains("map examples/nat-gateway-cluster --format allowlist\n```\n\n```\n"
                + map("nat-gateway-cluster", "allowlist") + "```\n");
    }
}
