package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;

/** Which scale sets hide per-instance NICs and public IPs that the subscription-wide lists do not show. */
final class ScaleSets {

    private ScaleSets() {
    }

    /**
     * A Uniform scale set (the default mode) whose model gives instances a public IP. Its instance
     * NICs live under the scale set, not in the subscription's NIC list; Flexible instances' NICs do.
     */
    static boolean hasInstancePublicIps(JsonNode scaleSet) {
        JsonNode properties = scaleSet.path("properties");
        String mode = properties.path("orchestrationMode").asText("Uniform");
        if (!mode.equalsIgnoreCase("Uniform")) {
            return false;
        }
        JsonNode nicConfigs = properties.path("virtualMachineProfile").path("networkProfile")
                .path("networkInterfaceConfigurations");
        for (JsonNode nic : nicConfigs) {
            for (JsonNode ip : nic.path("properties").path("ipConfigurations")) {
                JsonNode pip = ip.path("properties").path("publicIPAddressConfiguration");
                if (pip.isObject()) {
                    return true;
                }
            }
        }
        return false;
    }
}
