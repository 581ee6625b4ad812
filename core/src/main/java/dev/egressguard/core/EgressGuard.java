package dev.egressguard.core;

import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.rule.RuleSetLoader;
import dev.egressguard.core.report.suppression.AcceptedFindings;
import dev.egressguard.core.ruletest.RuleTestResult;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.LinkLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one entry point for the plugin, the CLI, the live audit and people who embed Egress Guard:
 * <pre>{@code
 * Report report = EgressGuard.builder().projectRoot(root).build().verify(List.of(root.resolve("infra")));
 * }</pre>
 */
public final class EgressGuard {

    private final Settings settings;
    private final Run run;

    private EgressGuard(Settings settings) {
        this.settings = settings;
        this.run = new Run(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the built-in rules now, on the calling thread; a later run in this JVM finds them
     * read (they are parsed once per JVM). A cold JVM needs a sixth of a second or more for them,
     * so a command line can have a thread of its own do it while it parses its arguments.
     */
    public static void readBuiltInRules() {
        RuleSetLoader.load(List.of(), true);
    }

    public Settings settings() {
        return settings;
    }

    /** Evaluates the templates in these files and directories and checks them. */
    public Report verify(List<Path> inputs) {
        return run.verify(inputs);
    }

    /**
     * Checks resources read from a live subscription with the same rules; {@code gaps} are coverage
     * problems met while reading (a subscription that answered 403), reported as diagnostics.
     */
    public Report audit(List<Resource> resources, List<Diagnostic> gaps) {
        return audit(resources, gaps, List.of());
    }

    /** As {@link #audit(List, List)}, naming the scopes read (subscriptions, management group) in the report. */
    public Report audit(List<Resource> resources, List<Diagnostic> gaps, List<String> scopes) {
        return run.audit(resources, gaps, scopes);
    }

    /**
     * Checks what a {@link dev.egressguard.core.live.LiveSource} read for this request, naming in the
     * report the scopes it covered ({@link LiveInventory#coveredScopes}): the one way the CLI and the
     * Maven plugin audit.
     */
    public Report audit(LiveInventory live, LiveRequest asked) {
        return audit(live.resources(), live.gaps(), live.coveredScopes(asked));
    }

    /**
     * Runs the rule tests of a directory of rule files: each case under {@code tests/<case>/} (a
     * template and {@code expected.yaml}) is evaluated in this guard's deployment context and checked
     * with the directory's rules (plus the built-in ones when {@code builtInRules} is on), disabled
     * rules, severity overrides and options.
     */
    public RuleTestResult testRules(Path ruleDirectory) {
        return RuleTests.run(settings, ruleDirectory);
    }

    public static final class Builder {
        private DeploymentContext context = DeploymentContext.DEFAULT;
        private Path projectRoot = Path.of("").toAbsolutePath();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final Map<Path, Path> parameterFiles = new LinkedHashMap<>();
        private final List<Path> ruleSources = new ArrayList<>();
        private boolean builtInRules = true;
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
        private final Map<String, String> options = new LinkedHashMap<>();
        private Path suppressionFile;
        private Path baseline;
        private LocalDate today;  // null: the day of the run, read only if a suppression has an expiry date
        // Prefix and directory as given: a relative directory is resolved when the root is known, at build().
        private final List<Map.Entry<String, Path>> linkLocations = new ArrayList<>();

        private Builder() {
        }

        /** Subscription, resource group, location, tenant and deployment name templates see. */
        public Builder context(DeploymentContext c) {
            this.context = Objects.requireNonNull(c);
            return this;
        }

        /** Paths in reports are relative to it; linked templates are never read from outside it. */
        public Builder projectRoot(Path root) {
            this.projectRoot = root.toAbsolutePath().normalize();
            return this;
        }

        /** Glob patterns (relative to a scanned directory) of files to read; default all {@code *.json}. */
        public Builder includes(List<String> globs) {
            includes.addAll(globs);
            return this;
        }

        public Builder excludes(List<String> globs) {
            excludes.addAll(globs);
            return this;
        }

        /** Pairs a template with its parameter file explicitly, overriding the naming convention. */
        public Builder parameterFile(Path template, Path parameters) {
            parameterFiles.put(template.toAbsolutePath().normalize(), parameters.toAbsolutePath().normalize());
            return this;
        }

        /** Extra rule files or directories of them. */
        public Builder ruleSources(List<Path> sources) {
            ruleSources.addAll(sources);
            return this;
        }

        public Builder builtInRules(boolean on) {
            this.builtInRules = on;
            return this;
        }

        public Builder disableRules(Set<String> ids) {
            disabledRules.addAll(ids);
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severityOverrides.put(ruleId, severity);
            return this;
        }

        /** Rule settings, e.g. {@code allowFirewallEgress=true}. */
        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        public Builder suppressionFile(Path file) {
            this.suppressionFile = file;
            return this;
        }

        public Builder baseline(Path file) {
            this.baseline = file;
            return this;
        }

        /** The suppression file and baseline as {@code verify} and {@code audit} both resolve them. */
        public Builder acceptedFindings(AcceptedFindings files) {
            return suppressionFile(files.suppressionFile()).baseline(files.baseline());
        }

        /** The date suppressions expire against; tests fix it. Without it, the local date when the run needs one. */
        public Builder today(LocalDate date) {
            this.today = Objects.requireNonNull(date);
            return this;
        }

        /**
         * Linked templates whose {@code templateLink.uri} starts with {@code prefix} are read from
         * {@code directory} (relative to the project root unless absolute) plus the rest of the URI's
         * path, e.g. {@code https://raw.githubusercontent.com/org/repo/main/} = the project root.
         * Nothing is fetched. The directory must be inside the project root: {@link #build()} says so
         * otherwise.
         */
        public Builder linkedTemplateLocation(String prefix, Path directory) {
            linkLocations.add(Map.entry(Objects.requireNonNull(prefix), Objects.requireNonNull(directory)));
            return this;
        }

        /**
         * @throws IllegalArgumentException for a setting that cannot work, such as a linked template
         *                                  location outside the project root
         */
        public EgressGuard build() {
            List<LinkLocation> locations = new ArrayList<>();
            for (Map.Entry<String, Path> e : linkLocations) {
                LinkLocation l = new LinkLocation(e.getKey(), projectRoot.resolve(e.getValue()));
                checkInsideRoot(l);
                locations.add(l);
            }
            return new EgressGuard(new Settings(context, projectRoot, List.copyOf(includes), List.copyOf(excludes),
                    Map.copyOf(parameterFiles), List.copyOf(ruleSources), builtInRules, Set.copyOf(disabledRules),
                    Map.copyOf(severityOverrides), Map.copyOf(options), suppressionFile, baseline, today,
                    List.copyOf(locations)));
        }

        private void checkInsideRoot(LinkLocation l) {
            Path dir = l.directory();
            if (!new ConfinedFiles(projectRoot).encloses(dir)) {
                throw new IllegalArgumentException("linked template location " + l.prefix() + ": the directory " + dir
                        + " is outside the project root " + projectRoot + "; linked templates are only read from inside it");
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("linked template location " + l.prefix() + ": " + dir
                        + " is not a directory");
            }
        }
    }
}
