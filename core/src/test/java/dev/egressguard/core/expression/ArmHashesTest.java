package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * uniqueString() and guid() must give the names a real deployment gives, or ids built from
 * them would point nowhere.
 */
class ArmHashesTest {

    @Test
    void uniqueStringOfKnownInputs() {
        // Known pair from an independent port checked against Azure: uniqueString('test').
        assertThat(eval("[uniqueString('test')]")).isEqualTo(Value.of("rbgf3xv4ufgzg"));
        assertThat(eval("[uniqueString('')]")).isEqualTo(Value.of("aaaaaaaaaaaaa"));
    }

    @Test
    void uniqueStringJoinsItsArgumentsWithDashes() {
        assertThat(eval("[uniqueString('foo', 'bar')]")).isEqualTo(eval("[uniqueString('foo-bar')]"));
        assertThat(eval("[uniqueString('foo', 'bar')]")).isNotEqualTo(eval("[uniqueString('foobar')]"));
    }

    @Test
    void uniqueStringIsThirteenBase32Characters() {
        for (String input : new String[] {"a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "é-ü", "/subscriptions/x"}) {
            String s = ((Value.Str) eval("[uniqueString('" + input + "')]")).value();
            assertThat(s).matches("[a-z2-7]{13}");
        }
        assertThat(eval("[uniqueString('ABC')]")).isNotEqualTo(eval("[uniqueString('abc')]"));
    }

    @Test
    void uniqueStringOfTheDefaultResourceGroupIsStable() {
        assertThat(eval("[uniqueString(resourceGroup().id)]"))
                .isEqualTo(eval("[uniqueString('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/egress-guard-rg')]"));
    }

    @Test
    void guidIsAVersion5UuidInAzuresNamespace() {
        // uuid5(11fb06fb-712d-4ddd-98c7-e71bbd588830, "a-b-c"), as Python's uuid module computes it.
        assertThat(eval("[guid('a', 'b', 'c')]")).isEqualTo(Value.of("a98fa280-e03f-5afa-8d8e-92d0a9c201e8"));
        assertThat(eval("[guid('a', 'b', 'c')]")).isEqualTo(eval("[guid('a-b-c')]"));
        String g = ((Value.Str) eval("[guid(resourceGroup().id)]")).value();
        assertThat(g).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void argumentsMustBeStrings() {
        assertThatThrownBy(() -> eval("[uniqueString(1)]")).hasMessageContaining("'uniqueString' expects a string");
        assertThatThrownBy(() -> eval("[guid('a', 1)]")).hasMessageContaining("'guid' expects a string as argument 2");
    }
}
