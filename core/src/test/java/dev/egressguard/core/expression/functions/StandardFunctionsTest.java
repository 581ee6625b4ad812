package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The functions are set up on first use, from names declared apart from their bodies: every
 * declared name must lead to a function or special form, which sets up (and so checks) every one.
 */
class StandardFunctionsTest {

    @Test
    void everyDeclaredNameIsAFunctionOfItsFamily() {
        FunctionLibrary library = StandardFunctions.library();

        assertThat(library.names()).hasSize(105).contains("resourceid", "lambda", "if", "cidrsubnet");
        for (String name : library.names()) {
            assertThat(library.function(name).isPresent() || library.specialForm(name).isPresent())
                    .as(name).isTrue();
        }
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(StandardFunctions.library().function("RESOURCEID")).isPresent();
        assertThat(StandardFunctions.library().isKnown("toLower")).isTrue();
        assertThat(StandardFunctions.library().isKnown("noSuchFunction")).isFalse();
    }

    @Test
    void aDeclaredNameThatItsFamilyDoesNotRegisterFailsAtItsFirstUse() {
        FunctionLibrary library = new FunctionLibrary.Builder()
                .family("logical", List.of("and", "nand"), LogicalFunctions::register)
                .build();

        assertThat(library.specialForm("and")).isPresent();
        assertThatThrownBy(() -> library.function("nand"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the function family logical declares nand but registers [] for it");
    }
}
