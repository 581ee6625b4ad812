package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.Report;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the project's ARM templates against the egress rules, writes the reports and fails the
 * build on findings at or above {@code failOn}. An input that cannot be read is reported at its
 * {@code file:line:column} and the other inputs are still checked.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractTemplateMojo {

    /**
     * Findings recorded by {@code egress:baseline}: they are reported but do not fail the build.
     * When not given, {@code egress-baseline.json} in the project's base directory is used if it exists.
     */
    @Parameter(property = "egress.baseline")
    protected File baseline;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Egress Guard is skipped (egress.skip).");
            return;
        }
        ReportPlan plan = reportPlan();
        List<Path> inputs = inputs();
        if (nothingToCheck(inputs)) {
            return;
        }
        EgressGuard.Builder builder = templateSettings();
        readBaseline(builder, baseline);
        EgressGuard guard = guard(builder);
        Report report = EngineCall.run(() -> guard.verify(inputs));
        publish(report, plan);
    }
}
