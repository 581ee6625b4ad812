package dev.egressguard.core.rule;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.rule.ConditionsFixture.eval;
import static dev.egressguard.core.rule.Resources.id;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field conditions never read "missing" or "different" where the deployment decides: keys an
 * open object does not declare, lists with unknown entries, symbolic names. And what the
 * template does decide stays decided: the same symbol is the same value, a known difference is FALSE.
 */
class UnknownFieldsTest {

    private static final Resource OPEN_IPCONFIG = resource("Microsoft.Network/networkInterfaces/nic/ipConfigurations/ip",
            "{'properties': {'<open>': 'the runtime state of reference(nic)', 'privateIPAllocationMethod': 'Dynamic'}}");

    @Test
    void aKeyAnOpenObjectDoesNotDeclareIsUnknownNotMissing() {
        Verdict v = eval("{field: properties.publicIPAddress.id, exists: false}", OPEN_IPCONFIG);

        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("properties.publicIPAddress is unknown before deployment: 'publicIPAddress'"
                + " is not declared in the runtime state of reference(nic); only the deployment knows it");
    }

    @Test
    void aKeyAnOpenObjectDeclaresIsRead() {
        assertThat(eval("{field: properties.privateIPAllocationMethod, equals: Dynamic}", OPEN_IPCONFIG).truth())
                .isEqualTo(Truth.TRUE);
    }

    @Test
    void aClosedObjectStillLacksWhatItDoesNotWrite() {
        Resource closed = resource("Microsoft.Network/networkInterfaces/nic/ipConfigurations/ip", "{'properties': {}}");

        assertThat(eval("{field: properties.publicIPAddress.id, exists: false}", closed).truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void countOverAListAnOpenObjectDoesNotDeclareIsUnknown() {
        Verdict v = eval("count: {field: 'properties.loadBalancerBackendAddressPools[*]'}\nequals: 0", OPEN_IPCONFIG);

        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).contains("'loadBalancerBackendAddressPools' is not declared in the runtime state of reference(nic)");
    }

    @Test
    void countOverAnUnknownListIsUnknown() {
        Resource r = resource("Microsoft.Network/natGateways/nat", "{'properties': {'publicIpAddresses': '<unknown:reference(pips)>'}}");

        Verdict v = eval("count: {field: 'properties.publicIpAddresses[*]'}\ngreater: 0", r);

        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).contains("reference(pips)");
    }

    @Test
    void aListWithAnUnknownEntryEqualsAndContainsNothingForSure() {
        Resource r = resource("Microsoft.Network/publicIPAddresses/ip", "{'zones': ['<unknown:pickZones()>', '2']}");

        assertThat(eval("{field: zones, equals: ['1', '2']}", r).truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("{field: zones, contains: '1'}", r).truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("{field: zones, notContains: '1'}", r).reasonText())
                .isEqualTo("zones holds a value unknown before deployment: pickZones()");
        // What the known entries decide stays decided.
        assertThat(eval("{field: zones, contains: '2'}", r).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("{field: zones, equals: ['1', '3']}", r).truth()).isEqualTo(Truth.FALSE);
    }

    @Test
    void aSymbolicNameComparedWithALiteralIsUnknown() {
        Resource subnet = resource("Microsoft.Network/virtualNetworks/vnet/subnets/[parameters(`subnetName`)]", "{'properties': {}}");

        Verdict v = eval("{field: name, notIn: [GatewaySubnet, AzureFirewallSubnet]}", subnet);

        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("name is unknown before deployment: Microsoft.Network/virtualNetworks/subnets"
                + " '[parameters('subnetName')]' is named from a value only the deployment knows");
        assertThat(eval("{field: id, startsWith: /subscriptions/}", subnet).truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("{field: type, equals: Microsoft.Network/virtualNetworks/subnets}", subnet).truth())
                .as("the type is written").isEqualTo(Truth.TRUE);
    }

    @Test
    void aLiteralNameIsStillALiteral() {
        Resource subnet = resource("Microsoft.Network/virtualNetworks/[parameters(`v`)]-vnet/subnets/default", "{'properties': {}}");

        assertThat(eval("{field: name, notIn: [GatewaySubnet]}", subnet).truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void anOpenObjectEqualsAClosedOneOnlyWhenTheDeploymentSaysSo() {
        Value.Unknown rest = new Value.Unknown("the runtime state of reference(lb)", SourceLocation.NONE);
        Value.Obj open = new Value.Obj(java.util.Map.of("name", Value.of("pool")), rest);

        assertThat(eval("{field: properties, contains: id}", resource("Microsoft.Network/loadBalancers/lb",
                "{'properties': {'<open>': 'the runtime state of reference(lb)'}}")).truth()).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void theParentOfASymbolicIdIsTheResourceWithThatId() {
        Resource subnet = resource("Microsoft.Network/virtualNetworks/[parameters(`v`)]-vnet/subnets/default", "{'properties': {}}");
        Resource vnet = resource("Microsoft.Network/virtualNetworks/[parameters(`v`)]-vnet", "{'properties': {'enableDdosProtection': true}}");

        assertThat(eval("parent: {field: properties.enableDdosProtection, equals: true}", subnet, vnet).truth())
                .isEqualTo(Truth.TRUE);
        Verdict elsewhere = eval("parent: {field: properties.enableDdosProtection, equals: true}", subnet);
        assertThat(elsewhere.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(elsewhere.reasonText()).isEqualTo("the parent " + id("Microsoft.Network/virtualNetworks/[parameters('v')]-vnet")
                + " is not among the evaluated resources");
    }
}
