package dev.egressguard.core.rule.condition;

import dev.egressguard.core.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contains, startsWith and endsWith compare texts lower-cased (Locale.ROOT), whether the texts
 * are ASCII (compared in place) or not (where lower-casing may change a text's length).
 */
class TextOperatorsTest {

    private static final String ALPHABET = "aAbBiI\u0130\u0131sS\u00df-()";

    @Test
    void sameAnswersAsComparingLowerCasedTexts() {
        Random random = new Random(3);
        for (int round = 0; round < 20_000; round++) {
            String text = random(random, 8);
            String part = random(random, 3);
            String lt = text.toLowerCase(Locale.ROOT);
            String lp = part.toLowerCase(Locale.ROOT);
            assertThat(test(Operator.Kind.CONTAINS, text, part)).as("'%s' contains '%s'", text, part).isEqualTo(lt.contains(lp));
            assertThat(test(Operator.Kind.STARTS_WITH, text, part)).as("'%s' startsWith '%s'", text, part).isEqualTo(lt.startsWith(lp));
            assertThat(test(Operator.Kind.ENDS_WITH, text, part)).as("'%s' endsWith '%s'", text, part).isEqualTo(lt.endsWith(lp));
        }
    }

    private static boolean test(Operator.Kind kind, String text, String part) {
        return new Operator(kind.name(), kind, false, Value.of(part), null).test(Value.of(text), true) == Truth.TRUE;
    }

    private static String random(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        // Half the texts ASCII only, half with any of the alphabet.
        int letters = random.nextBoolean() ? 6 : ALPHABET.length();
        for (int i = 0; i < n; i++) {
            char c = ALPHABET.charAt(random.nextInt(letters));
            sb.append(c);
        }
        return sb.toString();
    }
}
