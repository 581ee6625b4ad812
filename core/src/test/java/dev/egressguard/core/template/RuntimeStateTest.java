package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reference()} of a resource of the same deployment reads its runtime state: the declared
 * properties, the ids ARM gives inline children, and Unknown for everything else.
 */
class RuntimeStateTest {

    @TempDir
    Path dir;

    private static final String LB = """
            {"type": "Microsoft.Network/loadBalancers", "apiVersion": "2023-09-01", "name": "lb", "location": "westeurope",
             "sku": {"name": "Standard"},
             "properties": {
               "frontendIPConfigurations": [{"name": "fe", "properties": {"publicIPAddress": {"id": "[resourceId('Microsoft.Network/publicIPAddresses', 'pip')]"}}}],
               "backendAddressPools": [{"name": "pool"}],
               "loadBalancingRules": [{"name": "http", "properties": {
                 "frontendIPConfiguration": {"id": "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'lb', 'fe')]"},
                 "backendAddressPool": {"id": "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'lb', 'pool')]"},
                 "protocol": "Tcp", "frontendPort": 80, "backendPort": 80}}]}}""";

    private EvaluatedTemplate template(String resources, String outputs) {
        return Inline.evaluate(dir, """
                {"$schema": "%s", "contentVersion": "1.0.0.0",
                 "parameters": {"clusterName": {"type": "string"}},
                 "resources": [%s], "outputs": {%s}}""".formatted(Inline.SCHEMA, resources, outputs));
    }

    private static Value.Obj pool(EvaluatedTemplate t) {
        Resource tagged = Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader");
        return (Value.Obj) at(tagged, "properties.pool");
    }

    private static final String READER = """
            {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "reader",
             "properties": {%s}}""";

    @Test
    void anInlineChildGetsTheIdAndTypeArmGivesIt() {
        EvaluatedTemplate t = template(LB + "," + READER.formatted(
                "\"pool\": \"[reference(resourceId('Microsoft.Network/loadBalancers', 'lb'), '2023-09-01').backendAddressPools[0]]\""),
                "");
        Value.Obj pool = pool(t);
        assertThat(pool.get("id")).isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/pool"));
        assertThat(pool.get("type")).isEqualTo(Value.of("Microsoft.Network/loadBalancers/backendAddressPools"));
        assertThat(pool.get("name")).isEqualTo(Value.of("pool"));
        assertThat(pool.isOpen()).isTrue();
        assertThat(t.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    @Test
    void whatOnlyTheRuntimeKnowsIsUnknown_neverAbsent() {
        EvaluatedTemplate t = template(LB + "," + READER.formatted("""
                "state": "[reference('lb').provisioningState]",
                "ipConfigs": "[reference('lb').backendAddressPools[0].properties.backendIPConfigurations]",
                "etag": "[reference('lb', '2023-09-01', 'Full').etag]"
                """), "");
        Resource reader = Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader");
        assertThat(at(reader, "properties.state")).isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                .isEqualTo("'provisioningState' is not declared in the runtime state of reference('lb'); only the "
                        + "deployment knows it"));
        assertThat(at(reader, "properties.ipConfigs")).isInstanceOf(Value.Unknown.class);
        assertThat(at(reader, "properties.etag")).isInstanceOf(Value.Unknown.class);
        assertThat(t.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    @Test
    void theFullFormCarriesIdNameTypeApiVersionAndLocation() {
        EvaluatedTemplate t = template(LB + "," + READER.formatted(
                "\"full\": \"[reference('lb', '2023-09-01', 'Full')]\""), "");
        Value.Obj full = (Value.Obj) at(Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader"),
                "properties.full");
        assertThat(full.get("id")).isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/loadBalancers/lb"));
        assertThat(full.get("name")).isEqualTo(Value.of("lb"));
        assertThat(full.get("type")).isEqualTo(Value.of("Microsoft.Network/loadBalancers"));
        assertThat(full.get("apiVersion")).isEqualTo(Value.of("2023-09-01"));
        assertThat(full.get("location")).isEqualTo(Value.of("westeurope"));
        assertThat(full.read("identity")).isInstanceOf(Value.Unknown.class);
        assertThat(((Value.Obj) full.get("properties")).get("backendAddressPools")).isInstanceOf(Value.Arr.class);
    }

    @Test
    void aSubnetReadBackFromItsVnetIsThatSubnet() {
        EvaluatedTemplate t = template("""
                {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                 "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                   "subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}}, {"name": "other", "properties": {"addressPrefix": "10.0.1.0/24"}}]}},
                """ + READER.formatted("\"subnet\": \"[reference('vnet').subnets[1].id]\""), "");
        assertThat(at(Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader"), "properties.subnet"))
                .isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/other"));
    }

    @Test
    void subnetsAlsoDeclaredAsResourcesMakeTheListUnknown() {
        EvaluatedTemplate t = template("""
                {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                 "properties": {"subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}}]}},
                {"type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-09-01", "name": "vnet/extra",
                 "properties": {"addressPrefix": "10.0.1.0/24"}},
                """ + READER.formatted("\"subnet\": \"[reference('vnet').subnets[0].id]\""), "");
        assertThat(at(Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader"), "properties.subnet"))
                .isInstanceOfSatisfying(Value.Unknown.class, u -> assertThat(u.reason())
                        .contains("also holds the subnets declared as separate resources"));
    }

    @Test
    void aSymbolicVnetNameGivesItsSubnetsSymbolicIds_theSameTextAsTheSubnetsOwnId() {
        EvaluatedTemplate t = template("""
                {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01",
                 "name": "[concat(parameters('clusterName'), '-vnet')]",
                 "properties": {"subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}}]}},
                """ + READER.formatted("""
                "fromReference": "[reference(concat(parameters('clusterName'), '-vnet')).subnets[0].id]",
                "fromResourceId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', format('{0}-vnet', parameters('clusterName')), 'nodes')]"
                """), "");
        Resource reader = Fixtures.resource(t, "Microsoft.Network/networkSecurityGroups", "reader");
        String expected = RG_ID + "/providers/Microsoft.Network/virtualNetworks/[parameters('clusterName')]-vnet/subnets/nodes";
        for (String key : new String[] {"properties.fromReference", "properties.fromResourceId"}) {
            assertThat(at(reader, key)).as(key).isInstanceOfSatisfying(Value.Unknown.class,
                    u -> assertThat(u.symbol().render()).isEqualTo(expected));
        }
        assertThat(Fixtures.ids(t)).contains(RG_ID + "/providers/Microsoft.Network/virtualNetworks/[parameters('clusterName')]-vnet");
    }

    @Test
    void aModuleOutputMadeOfRuntimeStateResolvesInTheParent() {
        String module = """
                {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "lbmod",
                 "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                   "template": {"$schema": "%s", "contentVersion": "1.0.0.0",
                     "resources": [%s],
                     "outputs": {"pools": {"type": "array",
                       "value": "[reference(resourceId('Microsoft.Network/loadBalancers', 'lb'), '2023-09-01').backendAddressPools]"}}}}}
                """.formatted(Inline.SCHEMA, LB);
        EvaluatedTemplate t = template(module + "," + READER.formatted(
                "\"pool\": \"[reference(resourceId('Microsoft.Resources/deployments', 'lbmod')).outputs.pools.value[0]]\""), "");
        assertThat(pool(t).get("id"))
                .isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/pool"));
        assertThat(t.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
