package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contains} on texts compares them lower-cased ({@link Locale#ROOT}); ASCII texts are
 * compared in place, found ASCII in the same pass that looks for the part. Texts with characters
 * outside ASCII before, inside or after a match must still get the lower-cased comparison's answer.
 */
class ContainsIgnoringCaseTest {

    @ParameterizedTest(name = "''{0}'' contains ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            subnet 'a' leaves (egressViaHub) now     | (EGRESSVIAHUB)
            subnet 'a' leaves through NAT            | (egressViaHub)
            (egressViaHub)                           | (egressviahub)
            (egressViaHub) é                         | (egressviahub)
            é (egressViaHub)                         | (egressviahub)
            (egreſſViaHub)                           | (egressviahub)
            (egressVİaHub)                           | (egressviahub)
            İ                                        | i
            short                                    | longer than the text
            é                                        | longer than the text
            Kelvin \u212A                            | k
            x                                        | ''
            """)
    void agreesWithTheLowerCasedComparison(String text, String part) {
        String t = text.replace("\\u212A", "\u212A");
        String p = part.equals("''") ? "" : part;
        boolean expected = t.toLowerCase(Locale.ROOT).contains(p.toLowerCase(Locale.ROOT));
        Operator contains = new Operator("contains", Operator.Kind.CONTAINS, false, Value.of(p), null);
        assertThat(contains.test(Value.of(t), true)).isEqualTo(Truth.of(expected));
    }
}
