package dev.egressguard.core.rule;

import dev.egressguard.core.model.Resource;
import dev.egressguard.core.rule.condition.Truth;
import dev.egressguard.core.rule.condition.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.egressguard.core.rule.ConditionsFixture.eval;
import static dev.egressguard.core.rule.Resources.id;
import static dev.egressguard.core.rule.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NIC's reference to a subnet, hidden behind each kind of unknown value, seen through each graph
 * step as a user's rule writes it: {@code referencedBy} with and without {@code via}, and
 * {@code ref}. Where only the deployment decides, the verdict is UNKNOWN and its reason names the
 * unknown; where the template decides (a symbolic id naming a resource of the graph, an unknown
 * off the reference's path) the verdict is decided.
 */
class HiddenReferenceMatrixTest {

    private static final String SUBNET = "Microsoft.Network/virtualNetworks/vnet/subnets/nodes";
    private static final String SYMBOLIC_SUBNET = "Microsoft.Network/virtualNetworks/[parameters(`v`)]-vnet/subnets/nodes";
    private static final String OTHER_SUBNET = "Microsoft.Network/virtualNetworks/vnet/subnets/other";

    /** How the NIC's ipConfigurations hide (or not) the subnet reference, and what each step must say. */
    enum Hiding {
        WHOLE_ARRAY("'<unknown:reference(nicDeployment).outputs.ipConfigurations>'",
                "properties.ipConfigurations is unknown before deployment: reference(nicDeployment).outputs.ipConfigurations"),
        ONE_ELEMENT("['<unknown:reference(nicDeployment).outputs.ipConfiguration>']",
                "properties.ipConfigurations[0] is unknown before deployment: reference(nicDeployment).outputs.ipConfiguration"),
        OBJECT(ipConfiguration("'subnet': '<unknown:reference(vnet).subnets[0]>'"),
                "properties.ipConfigurations[0].properties.subnet is unknown before deployment: reference(vnet).subnets[0]"),
        ID_STRING(ipConfiguration("'subnet': {'id': '<unknown:reference(vnetDeployment).outputs.subnetId>'}"),
                "properties.ipConfigurations[0].properties.subnet.id is unknown before deployment: "
                        + "reference(vnetDeployment).outputs.subnetId"),
        // The reasons say "subnet.id is not declared" (via, ref) or "subnet may hold properties it
        // does not declare" (without via), both naming the runtime state.
        OPEN_OBJECT_WITHOUT_ID(ipConfiguration("'subnet': {'<open>': 'the runtime state of reference(vnet)', 'name': 'nodes'}"),
                "properties.ipConfigurations[0].properties.subnet"),
        SYMBOLIC_ID_NAMING_NO_RESOURCE(ipConfiguration("'subnet': {'id': '<symbol:" + id("Microsoft.Network/virtualNetworks/"
                + "[parameters(`other`)]-vnet/subnets/nodes") + ">'}"),
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/"
                        + "virtualNetworks/[parameters('other')]-vnet/subnets/nodes"),
        SYMBOLIC_ID_NAMING_THE_SUBNET(ipConfiguration("'subnet': {'id': '<symbol:" + id(SYMBOLIC_SUBNET) + ">'}"), null),
        UNKNOWN_OFF_THE_PATH(ipConfiguration("'privateIPAddress': '<symbol:10.0.0.[parameters(`host`)]>', "
                + "'publicIPAddress': {'id': '<unknown:reference(pipDeployment).outputs.id>'}, "
                + "'subnet': {'id': '" + id(OTHER_SUBNET) + "'}"), null);

        final String ipConfigurations;
        final String unknownNamed;

        Hiding(String ipConfigurations, String unknownNamed) {
            this.ipConfigurations = ipConfigurations;
            this.unknownNamed = unknownNamed;
        }

        Resource nic() {
            return resource("Microsoft.Network/networkInterfaces/nic",
                    "{'properties': {'ipConfigurations': " + ipConfigurations + "}}");
        }

        /** The subnet the case is about: the one the symbolic id names, or the literal one. */
        Resource subnet() {
            return resource(this == SYMBOLIC_ID_NAMING_THE_SUBNET ? SYMBOLIC_SUBNET : SUBNET, "{'properties': {}}");
        }
    }

    private static String ipConfiguration(String properties) {
        return "[{'name': 'ipconfig1', 'properties': {" + properties + "}}]";
    }

    private static final Resource OTHER = resource(OTHER_SUBNET, "{'properties': {}}");

    @ParameterizedTest
    @EnumSource(Hiding.class)
    void referencedByWithVia(Hiding h) {
        Verdict v = eval("referencedBy: {type: Microsoft.Network/networkInterfaces, "
                + "via: 'properties.ipConfigurations[*].properties.subnet'}", h.subnet(), h.nic(), OTHER);

        switch (h) {
            case SYMBOLIC_ID_NAMING_THE_SUBNET -> assertThat(v.truth()).isEqualTo(Truth.TRUE);
            // An Unknown (a public IP's id, an address) beside the reference decides nothing.
            case UNKNOWN_OFF_THE_PATH -> assertThat(v.truth()).isEqualTo(Truth.FALSE);
            default -> {
                assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
                assertThat(v.reasonText()).startsWith("Microsoft.Network/networkInterfaces 'nic' may refer to it: ")
                        .contains(h.unknownNamed).contains(h == Hiding.OPEN_OBJECT_WITHOUT_ID
                                ? "the runtime state of reference(vnet)" : "");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Hiding.class)
    void referencedByWithoutVia(Hiding h) {
        Verdict v = eval("referencedBy: {type: Microsoft.Network/networkInterfaces}", h.subnet(), h.nic(), OTHER);

        switch (h) {
            case SYMBOLIC_ID_NAMING_THE_SUBNET -> assertThat(v.truth()).isEqualTo(Truth.TRUE);
            case UNKNOWN_OFF_THE_PATH -> {
                // Without via any id may be the one: the public IP's unknown id too (any type).
                assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
                assertThat(v.reasonText()).isEqualTo("Microsoft.Network/networkInterfaces 'nic' may refer to it: "
                        + "properties.ipConfigurations[0].properties.publicIPAddress.id is unknown before deployment: "
                        + "reference(pipDeployment).outputs.id");
            }
            default -> {
                assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
                assertThat(v.reasonText()).startsWith("Microsoft.Network/networkInterfaces 'nic' may refer to it: ")
                        .contains(h.unknownNamed).contains(h == Hiding.OPEN_OBJECT_WITHOUT_ID
                                ? "the runtime state of reference(vnet)" : "");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Hiding.class)
    void refToTheSubnet(Hiding h) {
        Verdict v = eval("ref: 'properties.ipConfigurations[*].properties.subnet.id'\n"
                + "assert: {field: properties.natGateway.id, exists: true}", h.nic(), h.subnet(), OTHER);

        switch (h) {
            case SYMBOLIC_ID_NAMING_THE_SUBNET -> {
                assertThat(v.truth()).isEqualTo(Truth.FALSE);
                assertThat(v.reasonText()).isEqualTo("properties.ipConfigurations[0].properties.subnet.id refers to "
                        + "Microsoft.Network/virtualNetworks/subnets 'nodes': properties.natGateway.id is missing");
                assertThat(v.value()).as("the value names the subnet, for {target}")
                        .hasToString("Str[value=" + id(SYMBOLIC_SUBNET).replace('`', '\'') + "]");
            }
            case UNKNOWN_OFF_THE_PATH -> {
                assertThat(v.truth()).isEqualTo(Truth.FALSE);
                assertThat(v.reasonText()).contains("refers to Microsoft.Network/virtualNetworks/subnets 'other'");
            }
            default -> {
                assertThat(v.truth()).isEqualTo(Truth.UNKNOWN);
                assertThat(v.reasonText()).contains(h.unknownNamed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Hiding.class, names = {"SYMBOLIC_ID_NAMING_THE_SUBNET"})
    void refToASymbolicIdFollowsItWhenTheTargetPasses(Hiding h) {
        Resource withNat = resource(SYMBOLIC_SUBNET, "{'properties': {'natGateway': {'id': '"
                + id("Microsoft.Network/natGateways/nat") + "'}}}");

        Verdict v = eval("ref: 'properties.ipConfigurations[*].properties.subnet.id'\n"
                + "assert: {field: properties.natGateway.id, exists: true}", h.nic(), withNat);

        assertThat(v.truth()).isEqualTo(Truth.TRUE);
    }
}
