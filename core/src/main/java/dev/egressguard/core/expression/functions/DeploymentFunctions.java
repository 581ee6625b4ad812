package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;

/** deployment, environment, parameters, variables. */
final class DeploymentFunctions {

    /** What environment() returns in Azure's public cloud (AzureCloud). */
    static final Value AZURE_CLOUD = JsonText.parse("""
            {
              "name": "AzureCloud",
              "gallery": "https://gallery.azure.com/",
              "graph": "https://graph.windows.net/",
              "portal": "https://portal.azure.com",
              "graphAudience": "https://graph.windows.net/",
              "activeDirectoryDataLake": "https://datalake.azure.net/",
              "batch": "https://batch.core.windows.net/",
              "media": "https://rest.media.azure.net",
              "sqlManagement": "https://management.core.windows.net:8443/",
              "vmImageAliasDoc": "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json",
              "resourceManager": "https://management.azure.com/",
              "authentication": {
                "loginEndpoint": "https://login.microsoftonline.com/",
                "audiences": ["https://management.core.windows.net/", "https://management.azure.com/"],
                "tenant": "common",
                "identityProvider": "AAD"
              },
              "suffixes": {
                "acrLoginServer": ".azurecr.io",
                "azureDatalakeAnalyticsCatalogAndJob": "azuredatalakeanalytics.net",
                "azureDatalakeStoreFileSystem": "azuredatalakestore.net",
                "azureFrontDoorEndpointSuffix": "azurefd.net",
                "keyvaultDns": ".vault.azure.net",
                "sqlServerHostname": ".database.windows.net",
                "storage": "core.windows.net"
              }
            }
            """);

    private DeploymentFunctions() {
    }

    public static void register(FunctionLibrary.Builder b) {
        b.add("deployment", 0, 0, c -> c.scope().deployment());
        b.add("environment", 0, 0, c -> AZURE_CLOUD);
        b.add("parameters", 1, 1, c -> c.scope().parameter(c.string(0)));
        b.add("variables", 1, 1, c -> c.scope().variable(c.string(0)));
    }
}
