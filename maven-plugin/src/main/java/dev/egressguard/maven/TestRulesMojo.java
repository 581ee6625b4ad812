package dev.egressguard.maven;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.ruletest.RuleTestResult;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the fixture tests of custom rule directories: each directory holds rule files and
 * {@code tests/<case>/} folders with a template and {@code expected.yaml}. Fails the build when a
 * case's findings are not exactly the expected ones.
 */
@Mojo(name = "test-rules", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestRulesMojo extends AbstractMojo {

    /** Skips the rule tests (also skipped by -DskipTests). */
    @Parameter(property = "egress.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    /** The rule directory to test; when not given, every directory among {@code rules} is tested. */
    @Parameter(property = "egress.ruleDirectory")
    protected File ruleDirectory;

    /** The rule files and directories {@code egress:verify} loads; their directories are tested. */
    @Parameter(property = "egress.rules")
    protected List<File> rules = new ArrayList<>();

    /**
     * Whether the built-in rule pack (EG001-EG006) runs beside yours, as in a build: a case that
     * expects no finding then also proves your rule does not clash with it. The same parameter
     * and property as {@code egress:verify}'s.
     */
    @Parameter(property = "egress.builtInRules", defaultValue = "true")
    protected boolean builtInRules = true;

    /** Rule ids or names that do not run in the tests, as in {@code egress:verify}. */
    @Parameter(property = "egress.disabledRules")
    protected List<String> disabledRules = new ArrayList<>();

    /** Severity overrides per rule id, as in {@code egress:verify}: {@code <EG003>warning</EG003>}. */
    @Parameter
    protected Map<String, String> severities = Map.of();

    /** Rule settings, as in {@code egress:verify}: {@code <allowFirewallEgress>true</allowFirewallEgress>}. */
    @Parameter
    protected Map<String, String> options = Map.of();

    /** Maven's log, escaping every message: names in it come from the pull request (see {@link EscapingLog}). */
    @Override
    public Log getLog() {
        return EscapingLog.of(super.getLog());
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Egress Guard rule tests are skipped.");
            return;
        }
        Set<File> directories = directories();
        if (directories.isEmpty()) {
            getLog().info("No rule directory to test (set ruleDirectory, or rules with a directory).");
            return;
        }
        EgressGuard guard = AbstractEgressMojo.ruleChoices(EgressGuard.builder(), builtInRules, disabledRules,
                severities, options).build();
        List<String> failed = new ArrayList<>();
        for (File dir : directories) {
            RuleTestResult result = EngineCall.run(() -> guard.testRules(dir.toPath()));
            getLog().info("Rule tests of " + dir + ":");
            result.describe().lines().forEach(line -> getLog().info("  " + line));
            if (!result.passed()) {
                failed.add(dir + ":" + System.lineSeparator() + result.describe().stripTrailing());
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("Egress Guard rule tests failed in " + String.join(System.lineSeparator(),
                    failed));
        }
    }

    private Set<File> directories() throws MojoExecutionException {
        Set<File> out = new LinkedHashSet<>();
        if (ruleDirectory != null) {
            if (!ruleDirectory.isDirectory()) {
                throw new MojoExecutionException("egress.ruleDirectory: " + ruleDirectory + " is not a directory");
            }
            out.add(ruleDirectory);
            return out;
        }
        for (File f : rules) {
            if (f.isDirectory()) {
                out.add(f);
            }
        }
        return out;
    }
}
