package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.Settings;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.RepositoryRoot;
import dev.egressguard.core.report.suppression.AcceptedFindings;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters every checking goal shares (rules, their settings, the deployment context) and
 * their one-to-one mapping onto {@link Settings}. No checking happens here.
 */
abstract class AbstractEgressMojo extends AbstractMojo {

    /** Skips the goal: nothing is read and no report is written. */
    @Parameter(property = "egress.skip", defaultValue = "false")
    protected boolean skip;

    /** The project's base directory: paths in reports are shown relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /**
     * The base directory of the build's top-level project: SARIF's {@code %SRCROOT%} when no
     * repository ({@code .git}) is found above the project's base directory.
     */
    @Parameter(defaultValue = "${session.topLevelProject.basedir}", readonly = true)
    protected File topLevelBasedir;

    /** Extra rule files or directories of {@code *.yaml} rule files, loaded after the built-in pack. */
    @Parameter(property = "egress.rules")
    protected List<File> rules = new ArrayList<>();

    /** Whether the built-in rule pack (EG001-EG006) runs; false runs only the rule files given in {@code rules}. */
    @Parameter(property = "egress.builtInRules", defaultValue = "true")
    protected boolean builtInRules;

    /** Rule ids or names that do not run, e.g. {@code EG004}. */
    @Parameter(property = "egress.disabledRules")
    protected List<String> disabledRules = new ArrayList<>();

    /** Severity overrides per rule id: {@code <EG003>warning</EG003>} (error, warning or note). */
    @Parameter
    protected Map<String, String> severities = Map.of();

    /** Rule settings, e.g. {@code <allowFirewallEgress>true</allowFirewallEgress>}. */
    @Parameter
    protected Map<String, String> options = Map.of();

    /**
     * Suppressions with a justification and an optional expiry date. When not given,
     * {@code egress-suppressions.yaml} in the project's base directory is used if it exists.
     */
    @Parameter(property = "egress.suppressionFile")
    protected File suppressionFile;

    /** Where report files go; the console format goes to the build log. */
    @Parameter(property = "egress.reportsDirectory", defaultValue = "${project.build.directory}/egress")
    protected File reportsDirectory;

    /**
     * Report formats, comma-separated or as a list: console, json, sarif, junit, markdown (or all).
     * Files are named egress-report.json, egress-report.sarif, TEST-egress.xml and egress-summary.md.
     */
    @Parameter(property = "egress.formats", defaultValue = "console,json,sarif,junit,markdown")
    protected List<String> formats = new ArrayList<>();

    /** The lowest severity of a finding that fails the build: error, warning or never. */
    @Parameter(property = "egress.failOn", defaultValue = "error")
    protected String failOn;

    /** Whether UNKNOWN findings (what cannot be known before deployment) fail the build too. */
    @Parameter(property = "egress.failOnUnknown", defaultValue = "false")
    protected boolean failOnUnknown;

    /** {@code subscription().subscriptionId} the templates see; a placeholder by default. */
    @Parameter(property = "egress.subscriptionId")
    protected String subscriptionId;

    /** {@code resourceGroup().name} the templates see. */
    @Parameter(property = "egress.resourceGroup")
    protected String resourceGroup;

    /** {@code resourceGroup().location} the templates see. */
    @Parameter(property = "egress.location")
    protected String location;

    /** {@code tenant().tenantId} the templates see. */
    @Parameter(property = "egress.tenantId")
    protected String tenantId;

    /** Maven's log, escaping every message: names in it come from the pull request (see {@link EscapingLog}). */
    @Override
    public Log getLog() {
        return EscapingLog.of(super.getLog());
    }

    /** The settings builder with everything this goal was told about rules and the deployment context. */
    protected EgressGuard.Builder settings() throws MojoExecutionException {
        EgressGuard.Builder builder = EgressGuard.builder()
                .projectRoot(basedir.toPath())
                .context(deploymentContext())
                .ruleSources(rules.stream().map(File::toPath).toList());
        ruleChoices(builder, builtInRules, disabledRules, severities, options);
        // Suppressions apply to every goal that checks (egress:baseline too); a baseline only where a goal reads one.
        return builder.acceptedFindings(acceptedFindings(null, AcceptedFindings.BaselineDefault.NONE));
    }

    /** The suppression file and baseline as {@code verify} and {@code audit} both read them (the CLI too). */
    protected void readBaseline(EgressGuard.Builder builder, File baseline) {
        builder.acceptedFindings(acceptedFindings(baseline, AcceptedFindings.BaselineDefault.CONVENTIONAL));
    }

    private AcceptedFindings acceptedFindings(File baseline, AcceptedFindings.BaselineDefault baselineDefault) {
        return AcceptedFindings.resolve(basedir.toPath(), suppressionFile == null ? null : suppressionFile.toPath(),
                baseline == null ? null : baseline.toPath(), baselineDefault);
    }

    /**
     * Which rules run and how, as {@code verify} and {@code test-rules} share them: the built-in
     * pack, disabled rules, severity overrides and rule settings.
     */
    static EgressGuard.Builder ruleChoices(EgressGuard.Builder builder, boolean builtInRules, List<String> disabledRules,
                                           Map<String, String> severities, Map<String, String> options)
            throws MojoExecutionException {
        builder.builtInRules(builtInRules).disableRules(trimmed(disabledRules));
        for (Map.Entry<String, String> e : severities.entrySet()) {
            Severity severity = Severity.parse(e.getValue());
            if (severity == null) {
                throw new MojoExecutionException("<severities>: '" + e.getValue() + "' for " + e.getKey()
                        + " is not a severity; use error, warning or note");
            }
            builder.severity(e.getKey(), severity);
        }
        options.forEach((name, value) -> builder.option(name, value == null ? "" : value));
        return builder;
    }

    private DeploymentContext deploymentContext() {
        DeploymentContext c = DeploymentContext.DEFAULT;
        if (isSet(subscriptionId)) {
            c = c.withSubscriptionId(subscriptionId.trim());
        }
        if (isSet(resourceGroup)) {
            c = c.withResourceGroup(resourceGroup.trim());
        }
        if (isSet(location)) {
            c = c.withLocation(location.trim());
        }
        if (isSet(tenantId)) {
            c = c.withTenantId(tenantId.trim());
        }
        return c;
    }

    /**
     * Checks the reporting parameters before any work is done, so that a typo in failOn or formats
     * is reported at once.
     */
    protected ReportPlan reportPlan() throws MojoExecutionException {
        return new ReportPlan(parsedFormats(), failPolicy());
    }

    /** Writes the reports, logs the console format and fails the build when the policy says so. */
    protected void publish(Report report, ReportPlan plan) throws MojoExecutionException, MojoFailureException {
        new ReportPublisher(getLog(), basedir.toPath(), sourceRoot()).publish(report, plan.formats(),
                reportsDirectory.toPath(), plan.policy());
    }

    /**
     * What SARIF URIs are relative to: the repository root, as code scanning reads them; without
     * one, the top-level project's base directory when it holds this project, else this project's.
     */
    protected Path sourceRoot() {
        Path project = basedir.toPath().toAbsolutePath().normalize();
        Optional<Path> repository = RepositoryRoot.find(project);
        if (repository.isPresent()) {
            return repository.get();
        }
        Path top = topLevelBasedir == null ? project : topLevelBasedir.toPath().toAbsolutePath().normalize();
        Path root = project.startsWith(top) ? top : project;
        getLog().debug("Egress Guard: no .git above " + project + "; SARIF URIs are relative to " + root);
        return root;
    }

    /** What to write and what fails the build. */
    protected record ReportPlan(Set<Format> formats, FailPolicy policy) {
    }

    private FailPolicy failPolicy() throws MojoExecutionException {
        FailPolicy.FailOn threshold = FailPolicy.FailOn.parse(failOn).orElseThrow(() -> new MojoExecutionException(
                "egress.failOn: '" + failOn + "' is not one of error, warning, never"));
        return new FailPolicy(threshold, failOnUnknown);
    }

    private Set<Format> parsedFormats() throws MojoExecutionException {
        try {
            return Format.parseList(String.join(",", formats));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("egress.formats: " + e.getMessage());
        }
    }

    private static Set<String> trimmed(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            // -Degress.disabledRules=EG001,EG004 may arrive as one element.
            for (String part : v == null ? new String[0] : v.split(",")) {
                if (isSet(part)) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
