package dev.egressguard.core.report;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.nio.file.Path;
import java.util.List;

/** Reports built by hand, as the engine would build them for a small cluster template. */
final class SampleReports {

    static final Path BASE = Path.of("/repo").toAbsolutePath();
    static final String MAIN = BASE.resolve("infra/main.json").toString();
    static final String NETWORK = BASE.resolve("infra/network.json").toString();
    static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";
    static final String SUBNET_ID = RG + "Microsoft.Network/virtualNetworks/cluster-vnet/subnets/nodes";
    static final String SUBNET2_ID = RG + "Microsoft.Network/virtualNetworks/cluster-vnet/subnets/pods";
    static final String VMSS_ID = RG + "Microsoft.Compute/virtualMachineScaleSets/workers";
    static final String AKS_ID = RG + "Microsoft.ContainerService/managedClusters/aks";

    static final RuleDescriptor EG001 = new RuleDescriptor("EG001", "no-instance-public-ip",
            "Nodes must not get a public IP of their own", "A node with its own public IP bypasses the NAT gateway.",
            Severity.ERROR, "Remove publicIPAddressConfiguration; give the subnet a NAT gateway.",
            "https://egress-guard.dev/rules/EG001", List.of("egress", "public-ip"));
    static final RuleDescriptor EG002 = new RuleDescriptor("EG002", "nat-gateway-on-node-subnets",
            "Node subnets have a NAT gateway", "Every subnet that hosts nodes has a NAT gateway with a public IP.",
            Severity.ERROR, "Attach a NAT gateway to the subnet.", "https://egress-guard.dev/rules/EG002",
            List.of("egress"));
    static final RuleDescriptor EG003 = new RuleDescriptor("EG003", "aks-outbound-type",
            "AKS uses NAT gateway outbound", null, Severity.WARNING, null, null, null);

    private SampleReports() {
    }

    static Finding natMissing() {
        return new Finding("EG002", "nat-gateway-on-node-subnets", Severity.ERROR, Outcome.FAIL,
                "Microsoft.Network/virtualNetworks/subnets", SUBNET_ID, "nodes", new SourceLocation(NETWORK, 12, 5),
                "/properties", "subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway",
                "Attach a NAT gateway to the subnet.", null, null);
    }

    static Finding natUnknown() {
        return new Finding("EG002", "nat-gateway-on-node-subnets", Severity.ERROR, Outcome.UNKNOWN,
                "Microsoft.Network/virtualNetworks/subnets", SUBNET2_ID, "pods", new SourceLocation(NETWORK, 30, 9),
                "/properties/natGateway/id",
                "subnet 'pods': NAT gateway id depends on reference('natgw') at infra/network.json:31:22",
                "Attach a NAT gateway to the subnet.", null, null);
    }

    static Finding publicIp() {
        return new Finding("EG001", "no-instance-public-ip", Severity.ERROR, Outcome.FAIL,
                "Microsoft.Compute/virtualMachineScaleSets", VMSS_ID, "workers", new SourceLocation(MAIN, 40, 13),
                "/properties/virtualMachineProfile/networkProfile/networkInterfaceConfigurations/0/properties/ipConfigurations/0/properties/publicIPAddressConfiguration",
                "Scale set 'workers' gives every instance a public IP", "Remove publicIPAddressConfiguration.", null, null);
    }

    static Finding outboundWarning() {
        return new Finding("EG003", "aks-outbound-type", Severity.WARNING, Outcome.FAIL,
                "Microsoft.ContainerService/managedClusters", AKS_ID, "aks", new SourceLocation(MAIN, 7, 5),
                "/properties/networkProfile/outboundType", "cluster 'aks' leaves through its load balancer", "", null,
                null);
    }

    static Evaluation evaluation(Finding f) {
        return new Evaluation(f.ruleId(), f.resourceId(), f.resourceName(), f.resourceType(), f.location(), f.outcome());
    }

    static Evaluation pass(String ruleId, String id, String name, String type, SourceLocation at) {
        return new Evaluation(ruleId, id, name, type, at, Outcome.PASS);
    }

    /**
     * Two files; EG002 fails on 'nodes' and is unknown on 'pods', EG001 fails on 'workers' but is
     * suppressed inline, EG003 warns on 'aks'; one input warning.
     */
    static Report cluster() {
        Finding suppressed = publicIp().withSuppression(new Finding.Suppression(Finding.Suppression.Kind.INLINE,
                "Bastion pool, approved in SEC-42", new SourceLocation(MAIN, 38, 9)));
        List<Finding> findings = List.of(outboundWarning(), natMissing(), natUnknown(), suppressed);
        List<Evaluation> evaluations = List.of(
                evaluation(natMissing()), evaluation(natUnknown()), evaluation(publicIp()), evaluation(outboundWarning()),
                pass("EG001", AKS_ID, "aks", "Microsoft.ContainerService/managedClusters", new SourceLocation(MAIN, 5, 5)));
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.warning(new SourceLocation(MAIN, 3, 17), "parameter 'location' has no value; using the default"));
        return new Report(findings, evaluations, diagnostics, List.of(EG001, EG002, EG003), List.of(MAIN, NETWORK));
    }

    static Report clean() {
        return new Report(List.of(), List.of(pass("EG002", SUBNET_ID, "nodes", "Microsoft.Network/virtualNetworks/subnets",
                new SourceLocation(NETWORK, 12, 5))), List.of(), List.of(EG001, EG002), List.of(NETWORK));
    }

    static ReportOptions options() {
        return ReportOptions.defaults(BASE).withTool(new ToolInfo("Egress Guard", "1.2.3", ToolInfo.INFORMATION_URI))
                .withColor(ColorMode.NEVER);
    }
}
