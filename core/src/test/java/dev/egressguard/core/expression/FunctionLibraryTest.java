package dev.egressguard.core.expression;

import dev.egressguard.core.expression.functions.StandardFunctions;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionLibraryTest {

    @Test
    void aNameResolvesAsLookingUpItsSpecialFormAndThenItsFunctionWould() {
        FunctionLibrary library = StandardFunctions.library();
        for (String name : new String[] {"resourceId", "RESOURCEID", "if", "IF", "and", "concat", "toLower", "map",
                "parseCidr", "cidrSubnet", "utcNow", "noSuchFunction", "listKeys"}) {
            FunctionLibrary.Resolved r = library.resolve(name);
            assertThat(r.form()).as(name).isEqualTo(library.specialForm(name).orElse(null));
            assertThat(r.function()).as(name).isEqualTo(r.form() != null ? null : library.function(name).orElse(null));
            assertThat(library.resolve(name)).as(name).isEqualTo(r);
        }
        assertThat(library.resolve("resourceId").function()).isNotNull();
        assertThat(library.resolve("if").form()).isNotNull();
    }

    @Test
    void namesThatResolveToNothingAreNotKept() {
        FunctionLibrary library = StandardFunctions.library();
        library.resolve("concat");
        int before = library.resolvedCount();
        for (int i = 0; i < 1000; i++) {
            assertThat(library.resolve("madeUp" + i)).isEqualTo(new FunctionLibrary.Resolved(null, null));
        }
        assertThat(library.resolvedCount()).isLessThanOrEqualTo(before + 50);
    }

    @Test
    void aFamilySetsUpOnlyTheFunctionsThatAreLookedUpEachOnce() {
        List<String> setUp = new ArrayList<>();
        FunctionLibrary library = new FunctionLibrary.Builder()
                .family("test", List.of("one", "two"), (b, name) -> {
                    setUp.add(name);
                    b.add(name, 0, 0, c -> Value.of(name));
                })
                .build();

        assertThat(library.names()).containsExactly("one", "two");
        assertThat(setUp).isEmpty();
        assertThat(library.function("ONE")).isPresent();
        assertThat(library.resolve("one").function()).isNotNull();
        assertThat(library.specialForm("one")).isEmpty();
        assertThat(setUp).containsExactly("one");
    }
}
