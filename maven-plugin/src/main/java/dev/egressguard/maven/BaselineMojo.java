package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FindingKey;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.report.suppression.Baseline;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Records the current findings in a baseline file, so that adopting Egress Guard on an existing
 * estate fails only on new problems: {@code egress:verify} reports baselined findings but does not
 * fail on them. Rewriting the baseline keeps what it held and drops what has been fixed. Findings
 * suppressed inline or in the suppression file keep their own justification and stay out.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractTemplateMojo {

    /** The baseline file to write; {@code egress:verify} reads the same default. */
    @Parameter(property = "egress.baselineFile", defaultValue = "${project.basedir}/" + Baseline.DEFAULT_NAME)
    protected File baselineFile;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Egress Guard is skipped (egress.skip).");
            return;
        }
        List<Path> inputs = inputs();
        if (nothingToCheck(inputs)) {
            return;
        }
        EgressGuard.Builder builder = templateSettings();
        if (baselineFile.isFile()) {
            builder.baseline(baselineFile.toPath());
        }
        EgressGuard guard = guard(builder);
        Report report = EngineCall.run(() -> guard.verify(inputs));
        ReportPublisher.logDiagnostics(getLog(), report.diagnostics(), new DisplayPaths(basedir.toPath()));
        if (report.hasErrors()) {
            // A baseline without the findings of an unreadable template would pass them off as new later.
            throw new MojoExecutionException("Egress Guard baseline: not written, some inputs could not be read"
                    + " (see the errors above)");
        }
        try {
            Baseline.write(report, baselineFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(SafeText.forTerminal("cannot write the baseline " + baselineFile + ": "
                    + e.getMessage()), e);
        }
        long recorded = report.findings().stream()
                .filter(f -> !f.isSuppressed() || f.suppression().kind() == Finding.Suppression.Kind.BASELINE)
                .map(FindingKey::of).distinct().count();
        getLog().info("Egress Guard baseline: " + baselineFile + " holds " + recorded
                + (recorded == 1 ? " finding" : " findings") + ". Commit it; egress:verify fails only on findings that are not in it.");
    }
}
