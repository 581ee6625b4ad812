package dev.egressguard.core.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON allows {@code "\ud800"}, a lone surrogate that no UTF-8 encoder can write. It once failed
 * the report writer ("Input length = 1") and cost every report of the run; now it is U+FFFD in
 * every format and every report is written.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoneSurrogateReportTest {

    @TempDir
    Path dir;

    @Test
    void aLoneSurrogateInANameIsReplacedInEveryReport() throws Exception {
        HostileProject project = new HostileProject(dir);
        project.template("infra/main.json", HostileProject.subnetNamed("lone\\ud800surrogate"));
        Report report = project.rules(project.write("rules/subnets.yaml", HostileProject.SUBNET_RULE)).verify();
        List<String> console = new ArrayList<>();
        Path out = dir.resolve("target/egress");

        List<Path> written = ReportWriter.write(report, out, EnumSet.allOf(Format.class),
                ReportOptions.defaults(dir).withColor(ColorMode.NEVER).withConsole(console::add));

        assertThat(written).hasSize(4);
        for (Path file : written) {
            // Strict decoding: the file is valid UTF-8 and holds the replacement character.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            assertThat(text).as("%s", file.getFileName()).contains("lone\uFFFDsurrogate");
        }
        new ObjectMapper().readTree(out.resolve("egress-report.json").toFile());
        new ObjectMapper().readTree(out.resolve("egress-report.sarif").toFile());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("TEST-egress.xml").toFile());
        assertThat(console.get(0)).startsWith("infra/main.json:2:")
                .endsWith(": error HOST1 subnet 'lone\uFFFDsurrogate' has no NAT gateway");
        HostileProject.assertControlChecked(report);
    }
}
