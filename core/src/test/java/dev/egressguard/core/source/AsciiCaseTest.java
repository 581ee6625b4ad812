package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The lower-cased hash of ASCII text, whole or continued, and the answer for text outside ASCII. */
class AsciiCaseTest {

    @Test
    void asciiTextHashesAsItsLowerCasedCopyWholeOrContinued() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                sb.append((char) random.nextInt(0x80));
            }
            String text = sb.toString();
            int expected = text.toLowerCase(Locale.ROOT).hashCode();
            int cut = length == 0 ? 0 : random.nextInt(length + 1);
            int head = text.substring(0, cut).toLowerCase(Locale.ROOT).hashCode();

            assertThat(AsciiCase.lowerHash(text, 0, 0)).isEqualTo(expected);
            assertThat(AsciiCase.lowerHash(text, cut, head)).isEqualTo(expected);
        }
    }

    @Test
    void aCharacterOutsideAsciiFromTheStartOnIsNotAscii() {
        assertThat(AsciiCase.lowerHash("/subscriptions/s/\u0130d", 0, 0)).isEqualTo(AsciiCase.NOT_ASCII);
        assertThat(AsciiCase.lowerHash("\u00c9t\u00e9/AB", 4, 0)).isEqualTo((long) "ab".hashCode());
        assertThat(AsciiCase.lowerHash("ab\u03a3", 1, 0)).isEqualTo(AsciiCase.NOT_ASCII);
    }
}
