package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.template.Fixtures.RG_ID;
import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class CopyLoopTest {

    private final EvaluatedTemplate t = evaluate("copy/azuredeploy.json");

    @Test
    void aResourceCopyLoopDeploysOneResourcePerIteration_copyIndexWithOffset() {
        assertThat(t.resources().stream().filter(r -> r.isType("Microsoft.Network/networkInterfaces")).map(Resource::name))
                .containsExactly("nic-1", "nic-2", "nic-3");
    }

    @Test
    void variableCopyAndNamedCopyIndexInsideTheResourceLoop() {
        assertThat(at(resource(t, "Microsoft.Network/networkInterfaces", "nic-2"),
                "properties.ipConfigurations.0.properties.subnet.id"))
                .isEqualTo(Value.of(RG_ID + "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/subnet-2"));
    }

    @Test
    void aPropertyCopyLoopBuildsTheArray_andItsElementsPointAtTheInput() {
        Resource vm = resource(t, "Microsoft.Compute/virtualMachines", "vm");

        assertThat(at(vm, "properties.storageProfile")).isEqualTo(new Value.Obj(java.util.Map.of("dataDisks", Value.Arr.of(
                new Value.Obj(java.util.Map.of("lun", Value.of(0), "diskSizeGB", Value.of(64))),
                new Value.Obj(java.util.Map.of("lun", Value.of(1), "diskSizeGB", Value.of(64)))))));
        assertThat(vm.provenance().locate("/properties/storageProfile/dataDisks/1/diskSizeGB"))
                .isEqualTo(new SourceLocation("copy/azuredeploy.json", 44, 61));
        assertThat(vm.provenance().locate("/properties/storageProfile/dataDisks"))
                .isEqualTo(new SourceLocation("copy/azuredeploy.json", 41, 13));
    }

    @Test
    void aLoopOverAzuresLimitOf800IsAnErrorAndIsNotExpanded() {
        assertThat(t.resources()).noneMatch(r -> r.isType("Microsoft.Network/publicIPAddresses"));
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).containsExactly(
                "copy/azuredeploy.json:55:7: error: copy loop 'tooMany' has 801 iterations; Azure allows at most 800, so "
                        + "the loop is not expanded");
        assertThat(t.unknownCount()).isEqualTo(1);
    }
}
