package dev.egressguard.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.model.LayerViolationFixture;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layers of docs/ARCHITECTURE.md, checked on the core's bytecode. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Layers.CORE);
        assertThat(core.contain(EgressGuard.class) && core.contain(Value.class)).as("the scan sees the core").isTrue();
        assertThat(core.contain(LayerViolationFixture.class)).as("the scan leaves the test fixtures out").isFalse();
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        Layers.layered().check(core);
    }

    @Test
    void noPackageCycles() {
        Layers.freeOfCycles().check(core);
    }

    @Test
    void reportsNeedOnlyFindings() {
        Layers.reportsNeedOnlyFindings().check(core);
    }

    @Test
    void coreNeverUsesMavenNorTheAzureSdk() {
        Layers.noMavenNorAzure().check(core);
    }

    /** The rules do catch a wrong-way use: a test-only model class that uses the template layer. */
    @Test
    void aWrongWayDependencyFailsTheRules() {
        JavaClasses withFixture = new ClassFileImporter().importPackages(Layers.CORE + ".model", Layers.CORE + ".template");
        assertThat(withFixture.contain(LayerViolationFixture.class)).isTrue();

        assertThatThrownBy(() -> Layers.layered().check(withFixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LayerViolationFixture")
                .hasMessageContaining("dev.egressguard.core.template.TemplateEvaluator");
        assertThatThrownBy(() -> Layers.freeOfCycles().check(withFixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LayerViolationFixture");
    }
}
