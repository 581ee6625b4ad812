package dev.egressguard.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What egress:audit refuses before it reads anything (no network here). */
class AuditMojoTest {

    @TempDir
    Path basedir;

    private final CapturingLog log = new CapturingLog();

    private AuditMojo mojo() {
        AuditMojo m = new AuditMojo();
        m.setLog(log);
        m.basedir = basedir.toFile();
        m.reportsDirectory = basedir.resolve("target/egress").toFile();
        m.formats = new ArrayList<>(List.of("console"));
        m.failOn = "error";
        m.builtInRules = true;
        return m;
    }

    @Test
    void subscriptionsAndAManagementGroupTogetherAreRefused() {
        AuditMojo m = mojo();
        m.subscriptions = List.of("1111");
        m.managementGroup = "platform";

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: give subscriptions or a management group, not both");
    }

    @Test
    void aCommaSeparatedPropertyIsSplitAndEachIdChecked() {
        AuditMojo m = mojo();
        m.subscriptions = List.of("1111,not/an/id");

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: 'not/an/id' is not a subscription id");
    }

    @Test
    void anUnknownModeIsRefused() {
        AuditMojo m = mojo();
        m.auditMode = "scan";

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Egress Guard audit: egress.auditMode: 'scan' is not one of list, resource-graph");
    }

    @Test
    void skipReadsNothing() throws Exception {
        AuditMojo m = mojo();
        m.skip = true;

        m.execute();

        assertThat(log.text()).contains("Egress Guard is skipped");
    }
}
