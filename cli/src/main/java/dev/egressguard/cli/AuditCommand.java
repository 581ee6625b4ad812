package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code egress audit}: checks what is deployed, read-only, with the same rules as {@code verify}. */
@Command(name = "audit", addMethodSubcommands = false, sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Check live Azure subscriptions against the egress rules (read-only).",
        description = {
            "Reads the egress-relevant resources of the subscriptions (all the identity can see by default) with"
                + " DefaultAzureCredential: az login, AZURE_* environment variables, managed or workload identity."
                + " Only GET requests and Resource Graph queries are sent.",
            "What cannot be read (a subscription without Reader, a throttled request) is reported and the rest"
                + " is still checked."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  egress audit",
            "  egress audit --subscriptions 1111...,2222... --format console,sarif --output build/egress",
            "  egress audit --management-group platform-landing-zones",
            "  egress audit --cloud AzureChinaCloud",
            "  egress audit --arm-endpoint https://management.local.azurestack.external"
                + " --authority-host https://adfs.local.azurestack.external/adfs",
            "",
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, no access, or a scope that"
                + " could not be read."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LiveScopeOptions scope;

    @Option(names = "--tenant-id", paramLabel = "ID", description = "The directory for portal links in findings.")
    String tenantId;

    @Mixin
    OutputOptions output;

    @Mixin
    RuleOptions rules;

    @Mixin
    SuppressionOptions accepted;

    @Override
    public Integer call() throws Exception {
        Set<Format> formats = output.formats(spec);
        FailPolicy policy = output.failPolicy(spec);
        ReportOutput plan = ReportOutput.plan(formats, output.output, spec);
        Path root = Path.of("").toAbsolutePath();
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root);
        rules.applyTo(builder, spec);
        builder.acceptedFindings(accepted.resolve(root));
        LiveRequest request = scope.request(spec, tenantId);
        LiveInventory live = scope.read(spec, request);
        spec.commandLine().getErr().println("egress: " + live.summary(request));
        Report report = builder.build().audit(live, request);
        ReportOptions options = ReportOptions.defaults(root)
                .withColor(output.colorMode(spec))
                .withUnknownAsFailure(policy.failOnUnknown());
        return plan.write(report, options, policy, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
