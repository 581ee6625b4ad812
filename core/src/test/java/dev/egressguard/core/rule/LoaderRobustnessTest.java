package dev.egressguard.core.rule;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Whatever a rule file holds, loading it answers with rules and diagnostics, never an exception:
 * every prefix of the valid examples, and each of them with one line removed.
 */
class LoaderRobustnessTest {

    @Test
    void truncatedFilesNeverThrow() throws IOException {
        for (Path p : RuleSchemaTest.files("valid")) {
            String text = Files.readString(p);
            for (int end = 0; end <= text.length(); end += 3) {
                String prefix = text.substring(0, end);
                assertThatCode(() -> RuleSetLoader.parse("cut.yaml", prefix)).as("%s cut at %d", p, prefix.length())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void filesWithALineRemovedNeverThrowAndSayWhereTheyAreWrong() throws IOException {
        for (Path p : RuleSchemaTest.files("valid")) {
            String[] lines = Files.readString(p).split("\n");
            for (int drop = 0; drop < lines.length; drop++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (i != drop) {
                        sb.append(lines[i]).append('\n');
                    }
                }
                RuleSet set = RuleSetLoader.parse("drop.yaml", sb.toString());
                set.diagnostics().forEach(d -> assertThat(d.location().file()).isEqualTo("drop.yaml"));
            }
        }
    }
}
