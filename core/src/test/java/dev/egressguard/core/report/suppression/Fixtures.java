package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.SourceLocation;

final class Fixtures {

    static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";
    static final String VNET_ID = RG + "Microsoft.Network/virtualNetworks/cluster-vnet";
    static final String NODES_ID = VNET_ID + "/subnets/nodes";
    static final String LEGACY_ID = RG + "Microsoft.Network/virtualNetworks/legacy-vnet/subnets/old";
    static final String VMSS_ID = RG + "Microsoft.Compute/virtualMachineScaleSets/workers";

    private Fixtures() {
    }

    static Finding finding(String ruleId, String ruleName, String resourceId, String name, String path, int line) {
        return new Finding(ruleId, ruleName, Severity.ERROR, Outcome.FAIL, "T", resourceId, name,
                new SourceLocation("infra/main.json", line, 5), path, ruleId + " fails on " + name, "", null, null);
    }

    static Finding natOnNodes() {
        return finding("EG002", "nat-gateway-on-node-subnets", NODES_ID, "nodes", "/properties", 12);
    }

    static Finding natOnLegacy() {
        return finding("EG002", "nat-gateway-on-node-subnets", LEGACY_ID, "old", "/properties", 80);
    }

    static Finding publicIpOnWorkers() {
        return finding("EG001", "no-instance-public-ip", VMSS_ID, "workers", "/properties/virtualMachineProfile", 40);
    }
}
