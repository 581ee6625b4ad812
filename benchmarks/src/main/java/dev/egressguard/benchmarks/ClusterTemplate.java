package dev.egressguard.benchmarks;

import java.util.List;
import java.util.Map;

import static dev.egressguard.benchmarks.Json.arr;
import static dev.egressguard.benchmarks.Json.obj;

/**
 * One cluster's network and compute, written the way compiled Bicep and hand-written ARM are:
 * a vnet whose subnets come from a property copy loop, scale-set node pools from a resource copy
 * loop, an AKS cluster whose agent pool profiles come from a property copy loop, an ingress load
 * balancer, a jumpbox NIC and VM, and ids built with {@code resourceId()} and {@code format()}.
 * The NAT gateway is not here: a linked module ({@link NatGatewayModule}) deploys it.
 *
 * <p>After expansion one cluster is {@link #resourceCount} resources: 2 public IPs (NAT, LB) are
 * counted with the NAT module; here 1 LB public IP, 1 LB, 1 vnet, pools + 2 subnets, pools scale
 * sets, 1 AKS cluster, agent pools, 1 NIC, 1 VM.
 */
final class ClusterTemplate {

    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    private static final String SUBNET = "Microsoft.Network/virtualNetworks/subnets";

    private ClusterTemplate() {
    }

    /** Resources one cluster (with its NAT module) becomes after copy loops and inline children. */
    static int resourceCount(int pools, int agentPools) {
        int natModule = NatGatewayModule.RESOURCES;
        int network = 1 + 1 + 1 + (pools + 2);
        return natModule + network + pools + 1 + agentPools + 2;
    }

    /** The template body: parameters clusterName, location, octet, natGatewayName, poolCount, agentPoolCount. */
    static Map<String, Object> template(int pools, int agentPools) {
        return obj(
                "$schema", SCHEMA,
                "contentVersion", "1.0.0.0",
                "parameters", obj(
                        "clusterName", obj("type", "string"),
                        "location", obj("type", "string", "defaultValue", "[resourceGroup().location]"),
                        "octet", obj("type", "int", "minValue", 0, "maxValue", 255),
                        "natGatewayName", obj("type", "string"),
                        "poolCount", obj("type", "int", "defaultValue", pools, "maxValue", 100),
                        "agentPoolCount", obj("type", "int", "defaultValue", agentPools),
                        "sshPublicKey", obj("type", "string", "defaultValue", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 ops@example"),
                        "nodeSize", obj("type", "string", "defaultValue", "Standard_D4s_v5",
                                "allowedValues", arr("Standard_D4s_v5", "Standard_D8s_v5", "Standard_E8s_v5"))),
                "variables", obj(
                        "vnetName", "[format('{0}-vnet', parameters('clusterName'))]",
                        "lbName", "[concat(parameters('clusterName'), '-ingress')]",
                        "lbIpName", "[concat(variables('lbName'), '-pip')]",
                        "aksName", "[toLower(format('{0}-aks', parameters('clusterName')))]",
                        "subnetCount", "[add(parameters('poolCount'), 2)]",
                        "jumpboxSubnet", "[format('snet-{0}', add(parameters('poolCount'), 1))]",
                        "natGatewayId", "[resourceId('Microsoft.Network/natGateways', parameters('natGatewayName'))]",
                        "backendPoolId", "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', variables('lbName'), 'nodes')]",
                        "tags", obj("owner", "platform", "cluster", "[parameters('clusterName')]")),
                "resources", arr(lbPublicIp(), loadBalancer(), virtualNetwork(), scaleSets(), aksCluster(),
                        jumpboxNic(), jumpboxVm()),
                "outputs", obj(
                        "vnetId", obj("type", "string",
                                "value", "[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]"),
                        "poolNames", obj("type", "array", "copy", obj("count", "[parameters('poolCount')]",
                                "input", "[format('{0}-pool{1}', parameters('clusterName'), copyIndex(1))]"))));
    }

    private static Map<String, Object> lbPublicIp() {
        return obj("type", "Microsoft.Network/publicIPAddresses", "apiVersion", "2023-09-01",
                "name", "[variables('lbIpName')]", "location", "[parameters('location')]",
                "tags", "[variables('tags')]",
                "sku", obj("name", "Standard", "tier", "Regional"),
                "properties", obj("publicIPAllocationMethod", "Static", "publicIPAddressVersion", "IPv4"));
    }

    private static Map<String, Object> loadBalancer() {
        String frontendId = "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', variables('lbName'), 'public')]";
        return obj("type", "Microsoft.Network/loadBalancers", "apiVersion", "2023-09-01",
                "name", "[variables('lbName')]", "location", "[parameters('location')]",
                "tags", "[variables('tags')]",
                "sku", obj("name", "Standard"),
                "dependsOn", arr("[resourceId('Microsoft.Network/publicIPAddresses', variables('lbIpName'))]"),
                "properties", obj(
                        "frontendIPConfigurations", arr(obj("name", "public", "properties", obj(
                                "publicIPAddress", obj("id", "[resourceId('Microsoft.Network/publicIPAddresses', variables('lbIpName'))]")))),
                        "backendAddressPools", arr(obj("name", "nodes")),
                        "probes", arr(obj("name", "https", "properties", obj("protocol", "Tcp", "port", 443,
                                "intervalInSeconds", 5, "numberOfProbes", 2))),
                        "loadBalancingRules", arr(obj("name", "https", "properties", obj(
                                "frontendIPConfiguration", obj("id", frontendId),
                                "backendAddressPool", obj("id", "[variables('backendPoolId')]"),
                                "probe", obj("id", "[resourceId('Microsoft.Network/loadBalancers/probes', variables('lbName'), 'https')]"),
                                "protocol", "Tcp", "frontendPort", 443, "backendPort", 443,
                                "disableOutboundSnat", true, "idleTimeoutInMinutes", 4)))));
    }

    private static Map<String, Object> virtualNetwork() {
        Map<String, Object> subnet = obj(
                "name", "[format('snet-{0}', copyIndex('subnets'))]",
                "properties", obj(
                        "addressPrefix", "[format('10.{0}.{1}.0/24', parameters('octet'), copyIndex('subnets'))]",
                        "natGateway", obj("id", "[variables('natGatewayId')]"),
                        "privateEndpointNetworkPolicies", "[if(equals(copyIndex('subnets'), 0), 'Disabled', 'Enabled')]",
                        "defaultOutboundAccess", false));
        return obj("type", "Microsoft.Network/virtualNetworks", "apiVersion", "2023-09-01",
                "name", "[variables('vnetName')]", "location", "[parameters('location')]",
                "tags", "[variables('tags')]",
                "properties", obj(
                        "addressSpace", obj("addressPrefixes", arr("[format('10.{0}.0.0/16', parameters('octet'))]")),
                        "copy", arr(obj("name", "subnets", "count", "[variables('subnetCount')]", "input", subnet))));
    }

    private static Map<String, Object> scaleSets() {
        Map<String, Object> ipConfig = obj("name", "ipconfig", "properties", obj(
                "primary", true,
                "subnet", obj("id", "[resourceId('" + SUBNET + "', variables('vnetName'), format('snet-{0}', copyIndex(1)))]"),
                "loadBalancerBackendAddressPools", arr(obj("id", "[variables('backendPoolId')]"))));
        Map<String, Object> profile = obj(
                "storageProfile", obj(
                        "imageReference", obj("publisher", "Canonical", "offer", "0001-com-ubuntu-server-jammy",
                                "sku", "22_04-lts-gen2", "version", "latest"),
                        "osDisk", obj("createOption", "FromImage", "caching", "ReadWrite",
                                "managedDisk", obj("storageAccountType", "Premium_LRS"))),
                "osProfile", obj(
                        "computerNamePrefix", "[format('p{0}', copyIndex())]",
                        "adminUsername", "azureuser",
                        "linuxConfiguration", obj("disablePasswordAuthentication", true,
                                "ssh", obj("publicKeys", arr(obj("path", "/home/azureuser/.ssh/authorized_keys",
                                        "keyData", "[parameters('sshPublicKey')]"))))),
                "networkProfile", obj("networkInterfaceConfigurations", arr(obj(
                        "name", "[format('nic-{0}', copyIndex())]",
                        "properties", obj("primary", true, "enableAcceleratedNetworking", true,
                                "ipConfigurations", arr(ipConfig))))));
        return obj("type", "Microsoft.Compute/virtualMachineScaleSets", "apiVersion", "2023-09-01",
                "name", "[format('{0}-pool{1}', parameters('clusterName'), copyIndex(1))]",
                "location", "[parameters('location')]",
                "tags", "[union(variables('tags'), createObject('pool', string(copyIndex(1))))]",
                "copy", obj("name", "pools", "count", "[parameters('poolCount')]", "mode", "Parallel"),
                "dependsOn", arr("[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]",
                        "[resourceId('Microsoft.Network/loadBalancers', variables('lbName'))]"),
                "sku", obj("name", "[parameters('nodeSize')]", "tier", "Standard", "capacity", 3),
                "properties", obj("overprovision", false, "upgradePolicy", obj("mode", "Manual"),
                        "virtualMachineProfile", profile));
    }

    private static Map<String, Object> aksCluster() {
        Map<String, Object> agentPool = obj(
                "name", "[format('np{0}', copyIndex('agentPoolProfiles'))]",
                "count", 3,
                "vmSize", "[parameters('nodeSize')]",
                "osType", "Linux",
                "mode", "[if(equals(copyIndex('agentPoolProfiles'), 0), 'System', 'User')]",
                "type", "VirtualMachineScaleSets",
                "enableNodePublicIP", false,
                "vnetSubnetID", "[resourceId('" + SUBNET + "', variables('vnetName'), 'snet-0')]");
        return obj("type", "Microsoft.ContainerService/managedClusters", "apiVersion", "2024-02-01",
                "name", "[variables('aksName')]", "location", "[parameters('location')]",
                "tags", "[variables('tags')]",
                "identity", obj("type", "SystemAssigned"),
                "dependsOn", arr("[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]"),
                "properties", obj(
                        "dnsPrefix", "[variables('aksName')]",
                        "kubernetesVersion", "1.29.2",
                        "copy", arr(obj("name", "agentPoolProfiles", "count", "[parameters('agentPoolCount')]",
                                "input", agentPool)),
                        "networkProfile", obj("networkPlugin", "azure", "networkPolicy", "calico",
                                "outboundType", "userAssignedNATGateway",
                                "serviceCidr", "172.16.0.0/16", "dnsServiceIP", "172.16.0.10")));
    }

    private static Map<String, Object> jumpboxNic() {
        return obj("type", "Microsoft.Network/networkInterfaces", "apiVersion", "2023-09-01",
                "name", "[format('{0}-jumpbox-nic', parameters('clusterName'))]", "location", "[parameters('location')]",
                "dependsOn", arr("[resourceId('Microsoft.Network/virtualNetworks', variables('vnetName'))]"),
                "properties", obj("ipConfigurations", arr(obj("name", "ipconfig1", "properties", obj(
                        "privateIPAllocationMethod", "Dynamic",
                        "subnet", obj("id", "[resourceId('" + SUBNET + "', variables('vnetName'), variables('jumpboxSubnet'))]"))))));
    }

    private static Map<String, Object> jumpboxVm() {
        String nicId = "[resourceId('Microsoft.Network/networkInterfaces', format('{0}-jumpbox-nic', parameters('clusterName')))]";
        return obj("type", "Microsoft.Compute/virtualMachines", "apiVersion", "2023-09-01",
                "name", "[format('{0}-jumpbox', parameters('clusterName'))]", "location", "[parameters('location')]",
                "dependsOn", arr(nicId),
                "properties", obj(
                        "hardwareProfile", obj("vmSize", "Standard_B2s"),
                        "osProfile", obj("computerName", "jumpbox", "adminUsername", "azureuser",
                                "linuxConfiguration", obj("disablePasswordAuthentication", true)),
                        "storageProfile", obj("imageReference", obj("publisher", "Canonical",
                                "offer", "0001-com-ubuntu-server-jammy", "sku", "22_04-lts-gen2", "version", "latest")),
                        "networkProfile", obj("networkInterfaces", arr(obj("id", nicId)))));
    }

    /**
     * A cluster as a file of its own (the 1,000-file directory): defaults for every parameter and
     * the NAT gateway declared beside the cluster instead of in a linked module.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> standalone(String clusterName, int octet, int pools, int agentPools) {
        Map<String, Object> template = template(pools, agentPools);
        Map<String, Object> parameters = (Map<String, Object>) template.get("parameters");
        ((Map<String, Object>) parameters.get("clusterName")).put("defaultValue", clusterName);
        ((Map<String, Object>) parameters.get("octet")).put("defaultValue", octet);
        ((Map<String, Object>) parameters.get("natGatewayName")).put("defaultValue", clusterName + "-nat");
        List<Object> resources = (List<Object>) template.get("resources");
        resources.addAll(0, NatGatewayModule.resources("[parameters('natGatewayName')]"));
        return template;
    }

    /** Parameters a caller passes to one cluster. */
    static Map<String, Object> parameters(String clusterName, int octet, String natGatewayName) {
        return obj("clusterName", obj("value", clusterName),
                "location", obj("value", "[parameters('location')]"),
                "octet", obj("value", octet),
                "natGatewayName", obj("value", natGatewayName));
    }

    static List<String> expectedTypes() {
        return List.of("Microsoft.Network/publicIPAddresses", "Microsoft.Network/natGateways",
                "Microsoft.Network/loadBalancers", "Microsoft.Network/virtualNetworks", SUBNET,
                "Microsoft.Compute/virtualMachineScaleSets", "Microsoft.ContainerService/managedClusters",
                "Microsoft.Network/networkInterfaces", "Microsoft.Compute/virtualMachines");
    }
}
