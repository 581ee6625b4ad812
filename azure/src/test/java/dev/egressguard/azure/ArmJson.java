package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small ARM list responses and resources, generated for the tests. */
final class ArmJson {

    private ArmJson() {
    }


    static ObjectNode list(JsonNode... items) {
        ObjectNode page = FakeArm.JSON.createObjectNode();
        var value = page.putArray("value");
        for (JsonNode i : items) {
            value.add(i);
        }
        return page;
    }

    static String rg(String sub) {
        return "/subscriptions/" + sub + "/resourceGroups/rg/providers";
    }

    static ObjectNode nic(String sub, String name, String vnet) {
        ObjectNode n = FakeArm.JSON.createObjectNode();
        n.put("id", rg(sub) + "/Microsoft.Network/networkInterfaces/" + name).put("name", name)
                .put("type", "Microsoft.Network/networkInterfaces").put("location", "westeurope");
        ObjectNode ip = n.putObject("properties").putArray("ipConfigurations").addObject();
        ip.put("name", "ipconfig1").put("id", rg(sub) + "/Microsoft.Network/networkInterfaces/" + name + "/ipConfigurations/ipconfig1");
        ip.putObject("properties").putObject("subnet").put("id", rg(sub) + "/Microsoft.Network/virtualNetworks/" + vnet + "/subnets/subnet0");
        return n;
    }

    static ObjectNode vnet(String sub, String name, int subnets) {
        ObjectNode v = FakeArm.JSON.createObjectNode();
        String id = rg(sub) + "/Microsoft.Network/virtualNetworks/" + name;
        v.put("id", id).put("name", name).put("type", "Microsoft.Network/virtualNetworks").put("location", "westeurope");
        var arr = v.putObject("properties").putArray("subnets");
        for (int s = 0; s < subnets; s++) {
            ObjectNode subnet = arr.addObject();
            subnet.put("id", id + "/subnets/subnet" + s).put("name", "subnet" + s)
                    .put("type", "Microsoft.Network/virtualNetworks/subnets");
            subnet.putObject("properties").put("addressPrefix", "10.0." + s + ".0/24");
        }
        return v;
    }

    static ObjectNode natGateway(String sub, String name) {
        ObjectNode n = FakeArm.JSON.createObjectNode();
        n.put("id", rg(sub) + "/Microsoft.Network/natGateways/" + name).put("name", name)
                .put("type", "Microsoft.Network/natGateways");
        n.putObject("properties").putArray("publicIpAddresses").addObject()
                .put("id", rg(sub) + "/Microsoft.Network/publicIPAddresses/" + name + "-pip");
        return n;
    }

    static ObjectNode publicIp(String sub, String name) {
        ObjectNode n = FakeArm.JSON.createObjectNode();
        n.put("id", rg(sub) + "/Microsoft.Network/publicIPAddresses/" + name).put("name", name)
                .put("type", "Microsoft.Network/publicIPAddresses");
        n.putObject("properties").put("ipAddress", "20.0.0.1");
        return n;
    }
}
