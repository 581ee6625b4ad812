package dev.egressguard.benchmarks;

import java.util.List;
import java.util.Map;

import static dev.egressguard.benchmarks.Json.arr;
import static dev.egressguard.benchmarks.Json.obj;

/**
 * The shared module every cluster links with {@code templateLink.relativePath}, as teams keep
 * their building blocks: a NAT gateway with its public IP. Linked, not inlined, so the evaluator
 * reads the same file once per cluster.
 */
final class NatGatewayModule {

    static final int RESOURCES = 2;
    static final String PATH = "modules/nat-gateway.json";

    private NatGatewayModule() {
    }

    static Map<String, Object> template() {
        return obj(
                "$schema", ClusterTemplate.SCHEMA,
                "contentVersion", "1.0.0.0",
                "parameters", obj(
                        "natGatewayName", obj("type", "string"),
                        "location", obj("type", "string", "defaultValue", "[resourceGroup().location]"),
                        "idleTimeoutInMinutes", obj("type", "int", "defaultValue", 4, "minValue", 4, "maxValue", 120)),
                "resources", resources("[parameters('natGatewayName')]"),
                "outputs", obj("natGatewayId", obj("type", "string",
                        "value", "[resourceId('Microsoft.Network/natGateways', parameters('natGatewayName'))]")));
    }

    /** The public IP and the NAT gateway using it; {@code nameExpression} names the gateway. */
    static List<Object> resources(String nameExpression) {
        String inner = nameExpression.substring(1, nameExpression.length() - 1);
        String ipName = "[format('{0}-pip', " + inner + ")]";
        String ipId = "[resourceId('Microsoft.Network/publicIPAddresses', format('{0}-pip', " + inner + "))]";
        return arr(
                obj("type", "Microsoft.Network/publicIPAddresses", "apiVersion", "2023-09-01",
                        "name", ipName, "location", "[parameters('location')]",
                        "sku", obj("name", "Standard"),
                        "properties", obj("publicIPAllocationMethod", "Static")),
                obj("type", "Microsoft.Network/natGateways", "apiVersion", "2023-09-01",
                        "name", nameExpression, "location", "[parameters('location')]",
                        "sku", obj("name", "Standard"),
                        "dependsOn", arr(ipId),
                        "properties", obj(
                                "idleTimeoutInMinutes", 4,
                                "publicIpAddresses", arr(obj("id", ipId)))));
    }
}
