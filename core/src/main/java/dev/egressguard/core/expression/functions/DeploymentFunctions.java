package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.JsonText;
import dev.egressguard.core.value.Value;

/** deployment, environment, parameters, variables. */
final class DeploymentFunctions {

    /**
     * What environment() returns in Azure's public cloud (AzureCloud). A holder of its own: parsing
     * it when the family is set up cost a millisecond of every cold run whose template calls
     * parameters(), and few templates call environment().
     */
    private static final class Environment {
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
    }

    private DeploymentFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "deployment" -> b.add(name, 0, 0, c -> c.scope().deployment());
            case "environment" -> b.add(name, 0, 0, c -> Environment.AZURE_CLOUD);
            case "parameters" -> b.add(name, 1, 1, c -> c.scope().parameter(c.string(0)));
            case "variables" -> b.add(name, 1, 1, c -> c.scope().variable(c.string(0)));
        }
    }
}
