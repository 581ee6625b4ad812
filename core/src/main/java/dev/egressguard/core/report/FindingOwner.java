package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.model.ResourceId;
import dev.egressguard.core.model.ResourceWords;

import java.util.Optional;

/**
 * What a one-line summary calls the resource of a finding: the node a person knows, not the child
 * the rule looked at. Two scale sets each with an ipConfiguration {@code ipconfig1} must not both
 * read "on 'ipconfig1'":
 * <ul>
 *   <li>an IP configuration (of a NIC, or the synthetic ones of a scale set's or a VM's network
 *       profile) is named by the resource at the top of its id, as the rules' {@code {owner}}
 *       placeholder is: {@code scale set 'web'}, {@code network interface 'agent-nic'};</li>
 *   <li>any other child with its parent: {@code agent pool 'system' of AKS cluster 'aks'},
 *       {@code subnet 'nodes' of vnet 'hub'};</li>
 *   <li>a top-level resource by its kind and name: {@code AKS cluster 'aks'};</li>
 *   <li>a finding whose id does not parse (a custom rule's, a hand-made report's) by its name, or
 *       else its id: {@code 'nodes'}.</li>
 * </ul>
 * The text is as the templates wrote it; callers escape it for the terminal.
 */
final class FindingOwner {

    private FindingOwner() {
    }

    public static String describe(Finding finding) {
        Optional<ResourceId> id = ResourceId.parse(finding.resourceId());
        if (id.isEmpty() || id.get().name().isEmpty()) {
            return "'" + (finding.resourceName().isEmpty() ? finding.resourceId() : finding.resourceName()) + "'";
        }
        ResourceId resource = id.get();
        if (isNetworkConfiguration(resource)) {
            return named(top(resource));
        }
        return resource.parent().map(p -> named(resource) + " of " + named(p)).orElseGet(() -> named(resource));
    }

    /** An IP configuration or the NIC configuration of a profile: parts of a node, not nodes. */
    private static boolean isNetworkConfiguration(ResourceId id) {
        String last = id.type().substring(id.type().lastIndexOf('/') + 1);
        return id.parent().isPresent()
                && (last.equalsIgnoreCase("ipConfigurations") || last.equalsIgnoreCase("networkInterfaceConfigurations"));
    }

    private static ResourceId top(ResourceId id) {
        ResourceId top = id;
        for (Optional<ResourceId> p = id.parent(); p.isPresent(); p = p.get().parent()) {
            top = p.get();
        }
        return top;
    }

    private static String named(ResourceId id) {
        return ResourceWords.kind(id.type()) + " '" + id.name() + "'";
    }
}
