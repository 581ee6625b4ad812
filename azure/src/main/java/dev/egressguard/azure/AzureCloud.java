package dev.egressguard.azure;

import com.azure.core.management.AzureEnvironment;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Azure clouds an audit can read, by the names {@code az cloud list} gives them. Each brings
 * its Resource Manager endpoint (which also serves Resource Graph), its Entra ID authority host
 * and its portal, from azure-core's {@link AzureEnvironment}.
 */
public enum AzureCloud {
    /** The public cloud: management.azure.com, login.microsoftonline.com. */
    AZURE_CLOUD("AzureCloud", AzureEnvironment.AZURE),
    /** Azure operated by 21Vianet: management.chinacloudapi.cn, login.chinacloudapi.cn. */
    AZURE_CHINA_CLOUD("AzureChinaCloud", AzureEnvironment.AZURE_CHINA),
    /** Azure Government: management.usgovcloudapi.net, login.microsoftonline.us. */
    AZURE_US_GOVERNMENT("AzureUSGovernment", AzureEnvironment.AZURE_US_GOVERNMENT);

    private final String cliName;
    private final AzureEnvironment environment;

    AzureCloud(String cliName, AzureEnvironment environment) {
        this.cliName = cliName;
        this.environment = environment;
    }

    /** The name {@code az cloud} uses, e.g. {@code AzureChinaCloud}. */
    public String cliName() {
        return cliName;
    }

    AzureEnvironment environment() {
        return environment;
    }

    /**
     * The cloud of an {@code az cloud} name, in any case.
     *
     * @throws IllegalArgumentException naming the clouds there are, when the name is none of them
     */
    public static AzureCloud named(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values()).filter(c -> c.cliName.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an Azure cloud: use one of "
                        + names()));
    }

    /** The names, comma-separated, for help texts and messages. */
    public static String names() {
        return Arrays.stream(values()).map(AzureCloud::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
