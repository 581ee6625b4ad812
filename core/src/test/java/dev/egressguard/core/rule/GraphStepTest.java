package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.rule.ConditionsFixture.eval;
import static dev.egressguard.core.rule.Resources.id;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** ref, referencedBy and parent on small hand-built graphs. */
class GraphStepTest {

    private static final String NAT_ID = id("Microsoft.Network/natGateways/nat");
    private static final Resource VNET = resource("Microsoft.Network/virtualNetworks/vnet", "{'properties': {'enableDdosProtection': true}}");
    private static final Resource NAT = resource("Microsoft.Network/natGateways/nat",
            "{'properties': {'publicIpAddresses': [{'id': '" + id("Microsoft.Network/publicIPAddresses/ip") + "'}]}}");
    private static final Resource BARE_NAT = resource("Microsoft.Network/natGateways/bare", "{'properties': {}}");
    private static final String HAS_IP = "ref: properties.natGateway.id\ntype: Microsoft.Network/natGateways\n"
            + "assert: {count: {field: 'properties.publicIpAddresses[*]'}, greater: 0}";

    private static Resource subnet(String name, String natJson) {
        return resource("Microsoft.Network/virtualNetworks/vnet/subnets/" + name, "{'properties': {" + natJson + "}}");
    }

    private static Resource nic(String name, String subnetIdJson) {
        return resource("Microsoft.Network/networkInterfaces/" + name,
                "{'properties': {'ipConfigurations': [{'properties': {'subnet': {'id': " + subnetIdJson + "}}}]}}");
    }

    @Test
    void refFollowsTheIdAndTestsTheTarget() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': '" + NAT_ID + "'}"), NAT);
        assertThat(v.truth()).isEqualTo(Truth.TRUE);
        assertThat(v.path()).isEqualTo("/properties/natGateway/id");
    }

    @Test
    void refToATargetThatFailsIsFalseWithTheTargetsReason() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': '" + id("Microsoft.Network/natGateways/bare") + "'}"), BARE_NAT);
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id refers to Microsoft.Network/natGateways 'bare': "
                + "the count of properties.publicIpAddresses is 0, expected greater 0");
    }

    @Test
    void refWithNothingToFollowIsFalse() {
        Verdict v = eval(HAS_IP, subnet("s", ""));
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.path()).isEqualTo("/properties/natGateway/id");
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id is missing: no resource to follow");
    }

    @Test
    void refToAnUnknownIdIsUnknownWithItsReason() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': '<unknown:reference(natDeployment).outputs.id>'}"));
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id is unknown before deployment: reference(natDeployment).outputs.id");
    }

    @Test
    void refOutsideTheGraphIsUnknown() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': '" + NAT_ID + "'}"));
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id refers to " + NAT_ID + ", which is not among the evaluated resources");
    }

    @Test
    void refToAnotherTypeIsFalse() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': '" + VNET.id() + "'}"), VNET);
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id refers to Microsoft.Network/virtualNetworks 'vnet', "
                + "expected a Microsoft.Network/natGateways");
    }

    @Test
    void refThatIsNotAnIdIsFalse() {
        Verdict v = eval(HAS_IP, subnet("s", "'natGateway': {'id': 'nat'}"));
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.reasonText()).isEqualTo("properties.natGateway.id is 'nat', not a resource id");
    }

    @Test
    void refWithWildcardMatchAllAndAny() {
        Resource s1 = subnet("a", "'natGateway': {'id': '" + NAT_ID + "'}");
        Resource s2 = subnet("b", "");
        Resource twoNics = resource("Microsoft.Network/networkInterfaces/n", "{'properties': {'ipConfigurations': ["
                + "{'properties': {'subnet': {'id': '" + s1.id() + "'}}}, {'properties': {'subnet': {'id': '" + s2.id() + "'}}}]}}");
        String all = "ref: 'properties.ipConfigurations[*].properties.subnet.id'\nassert: {field: properties.natGateway.id, exists: true}";
        Verdict v = eval(all, twoNics, s1, s2);
        assertThat(v.truth()).isEqualTo(Truth.FALSE);
        assertThat(v.path()).isEqualTo("/properties/ipConfigurations/1/properties/subnet/id");
        assertThat(eval(all + "\nmatch: any", twoNics, s1, s2).truth()).isEqualTo(Truth.TRUE);
    }

    @Test
    void referencedByFindsReferrersOfTheType() {
        Resource s = subnet("s", "");
        String cond = "referencedBy: {type: Microsoft.Network/networkInterfaces}";
        assertThat(eval(cond, s, nic("n", "'" + s.id() + "'")).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval(cond, s, VNET).truth()).isEqualTo(Truth.FALSE);
        assertThat(eval(cond, s, VNET).reasonText())
                .isEqualTo("no Microsoft.Network/networkInterfaces refers to Microsoft.Network/virtualNetworks/subnets 's'");
        assertThat(eval("referencedBy: {type: Microsoft.Compute/virtualMachineScaleSets}", s, nic("n", "'" + s.id() + "'")).truth())
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void referencedByViaAndWhere() {
        Resource s = subnet("s", "");
        Resource n = nic("n", "'" + s.id() + "'");
        assertThat(eval("referencedBy: {via: 'properties.ipConfigurations[*].properties.subnet'}", s, n).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("referencedBy: {via: 'properties.ipConfigurations[*].properties.subnet.id'}", s, n).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("referencedBy: {via: 'properties.virtualMachine.id'}", s, n).truth()).isEqualTo(Truth.FALSE);
        assertThat(eval("referencedBy: {where: {field: name, equals: n}}", s, n).truth()).isEqualTo(Truth.TRUE);
        assertThat(eval("referencedBy: {where: {field: name, equals: other}}", s, n).reasonText())
                .isEqualTo("no resource that refers to Microsoft.Network/virtualNetworks/subnets 's' matches the condition");
    }

    @Test
    void anUnknownReferenceMightPointHereSoReferencedByIsUnknown() {
        Resource s = subnet("s", "");
        Verdict v = eval("referencedBy: {type: Microsoft.Network/networkInterfaces}", s,
                nic("n", "'<unknown:reference(vnetDeployment).outputs.subnetId>'"));
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("Microsoft.Network/networkInterfaces 'n' may refer to it: "
                + "properties.ipConfigurations[0].properties.subnet.id is unknown before deployment: reference(vnetDeployment).outputs.subnetId");
    }

    @Test
    void referencedByTestsEachReferrerOnceInTheOrderOfItsFirstReference() {
        Resource s = subnet("s", "");
        String sid = "'" + s.id() + "'";
        // Two references from a and one from b: a is tested once, before b.
        Resource a = resource("Microsoft.Network/networkInterfaces/a", "{'properties': {'ipConfigurations': ["
                + "{'properties': {'subnet': {'id': " + sid + "}}}, {'properties': {'subnet': {'id': " + sid + "}}}],"
                + " 'mode': '<unknown:parameters(modeA)>'}}");
        Resource b = resource("Microsoft.Network/networkInterfaces/b", "{'properties': {'ipConfigurations': ["
                + "{'properties': {'subnet': {'id': " + sid + "}}}], 'mode': '<unknown:parameters(modeB)>'}}");
        Verdict v = eval("referencedBy: {type: Microsoft.Network/networkInterfaces, where: {field: properties.mode, equals: x}}",
                s, a, b);
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.value()).isEqualTo(dev.egressguard.core.value.Value.of(a.id().toString()));
        assertThat(v.reasons()).containsExactly(
                "referenced by Microsoft.Network/networkInterfaces 'a': properties.mode is unknown before deployment: parameters(modeA)",
                "referenced by Microsoft.Network/networkInterfaces 'b': properties.mode is unknown before deployment: parameters(modeB)");
        // The second referrer decides when the first does not.
        Resource c = resource("Microsoft.Network/networkInterfaces/c", "{'properties': {'ipConfigurations': ["
                + "{'properties': {'subnet': {'id': " + sid + "}}}], 'mode': 'x'}}");
        Verdict t = eval("referencedBy: {type: Microsoft.Network/networkInterfaces, where: {field: properties.mode, equals: x}}",
                s, a, c);
        assertThat(t.truth()).isEqualTo(Truth.TRUE);
        assertThat(t.value()).isEqualTo(dev.egressguard.core.value.Value.of(c.id().toString()));
        assertThat(t.reasons()).containsExactly("referenced by Microsoft.Network/networkInterfaces 'c'");
    }

    @Test
    void referencedByFollowsCamelCaseIdPropertiesToo() {
        Resource s = subnet("s", "");
        String cond = "referencedBy: {type: Microsoft.ContainerService/managedClusters/agentPools, via: properties.vnetSubnetID}";
        Resource pool = resource("Microsoft.ContainerService/managedClusters/aks/agentPools/nodes",
                "{'properties': {'vnetSubnetID': '" + s.id() + "'}}");
        Resource unknownPool = resource("Microsoft.ContainerService/managedClusters/aks/agentPools/other",
                "{'properties': {'vnetSubnetID': '<unknown:parameters(subnetId) has no value>'}}");
        assertThat(eval(cond, s, pool).truth()).isEqualTo(Truth.TRUE);
        Verdict v = eval(cond, s, unknownPool);
        assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(v.reasonText()).isEqualTo("Microsoft.ContainerService/managedClusters/agentPools 'other' may refer to it: "
                + "properties.vnetSubnetID is unknown before deployment: parameters(subnetId) has no value");
    }

    @Test
    void withViaAnUnknownIdElsewhereInTheReferrerDoesNotMatter() {
        Resource s = subnet("s", "");
        Resource n = resource("Microsoft.Network/networkInterfaces/n", "{'properties': {'networkSecurityGroup': "
                + "{'id': '<unknown:reference(nsg)>'}, 'ipConfigurations': []}}");
        assertThat(eval("referencedBy: {type: Microsoft.Network/networkInterfaces}", s, n).truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(eval("referencedBy: {type: Microsoft.Network/networkInterfaces, via: 'properties.ipConfigurations[*].properties.subnet'}",
                s, n).truth()).isEqualTo(Truth.FALSE);
    }

    @Test
    void parentStep() {
        Resource s = subnet("s", "");
        assertThat(eval("parent: {field: properties.enableDdosProtection, equals: true}", s, VNET).truth()).isEqualTo(Truth.TRUE);
        Verdict f = eval("parent: {field: properties.enableDdosProtection, equals: false}", s, VNET);
        assertThat(f.truth()).isEqualTo(Truth.FALSE);
        assertThat(f.reasonText()).isEqualTo("on the parent Microsoft.Network/virtualNetworks 'vnet': "
                + "properties.enableDdosProtection is true, expected equals false");
        Verdict missing = eval("parent: {field: name, exists: true}", s);
        assertThat(missing.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(missing.reasonText()).isEqualTo("the parent " + VNET.id() + " is not among the evaluated resources");
        assertThat(eval("parent: {field: name, exists: true}", VNET).reasonText())
                .isEqualTo("Microsoft.Network/virtualNetworks 'vnet' has no parent resource");
    }
}
