package dev.egressguard.core.egress;

/** What a node of the egress map is, by the name the map's JSON uses. */
public enum NodeKind {
    /** A VM, through one ipConfiguration of its NIC (or of the NIC it creates itself). */
    VIRTUAL_MACHINE("virtualMachine"),
    /** A NIC that no VM of the graph names: its VM is elsewhere, or it is attached later. */
    NETWORK_INTERFACE("networkInterface"),
    /** The instances of a scale set, through one ipConfiguration of its network profile. */
    SCALE_SET("scaleSet"),
    /** The nodes of an AKS node pool. */
    AKS_NODE_POOL("aksNodePool"),
    /** The cluster VMs of an Azure Databricks workspace injected into your virtual network. */
    DATABRICKS_WORKSPACE("databricksWorkspace"),
    /** The replicas of an Azure Container Apps environment on your subnet. */
    CONTAINER_APPS_ENVIRONMENT("containerAppsEnvironment"),
    /** An Azure Container Instances container group on your subnet. */
    CONTAINER_GROUP("containerGroup"),
    /** The compute nodes of an Azure Batch pool on your subnet. */
    BATCH_POOL("batchPool"),
    /** An App Service or Functions app with regional virtual network integration. */
    APP_SERVICE("appService");

    private final String jsonName;

    NodeKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
