package dev.egressguard.core.template;

import dev.egressguard.core.source.ConfinedFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCacheTest {

    private static ConfinedFiles.Read bytes(String text) {
        return new ConfinedFiles.Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameBytesUnderTheSameNameAreParsedOnce() {
        ParseCache cache = new ParseCache(1024, 4096);
        ArmJsonLoader.Result first = cache.load(bytes("{\"a\": 1, \"a\": 2}"), "m.json");
        ArmJsonLoader.Result again = cache.load(bytes("{\"a\": 1, \"a\": 2}"), "m.json");

        assertThat(again).isSameAs(first);
        assertThat(again.diagnostics()).as("the parse's own diagnostics come with it every time").hasSize(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void otherBytesOrAnotherNameParseAgain() {
        ParseCache cache = new ParseCache(1024, 4096);
        ArmJsonLoader.Result first = cache.load(bytes("{\"a\": 1}"), "m.json");

        ArmJsonLoader.Result changed = cache.load(bytes("{\"a\": 2}"), "m.json");
        ArmJsonLoader.Result renamed = cache.load(bytes("{\"a\": 1}"), "other/m.json");

        assertThat(changed).isNotSameAs(first);
        assertThat(changed.json().orElseThrow().rootObject().get("a")).isEqualTo(dev.egressguard.core.value.Value.of(2));
        assertThat(renamed).isNotSameAs(first);
        assertThat(renamed.json().orElseThrow().file()).isEqualTo("other/m.json");
    }

    @Test
    void keepsNoFileOverItsLimitAndNoMoreBytesThanItsBudget() {
        ParseCache cache = new ParseCache(16, 30);
        String large = "{\"a\": \"0123456789\"}";
        assertThat(cache.load(bytes(large), "l.json")).isNotSameAs(cache.load(bytes(large), "l.json"));
        assertThat(cache.size()).isZero();

        for (int i = 0; i < 5; i++) {
            cache.load(bytes("{\"a\": " + i + "}"), "f.json"); // 8 bytes each
        }
        assertThat(cache.size()).isEqualTo(3);
        ArmJsonLoader.Result newest = cache.load(bytes("{\"a\": 4}"), "f.json");
        assertThat(cache.load(bytes("{\"a\": 4}"), "f.json")).isSameAs(newest);
    }

    @Test
    void whatWasNotReadIsNeverKept() {
        ParseCache cache = new ParseCache(1024, 4096);
        ArmJsonLoader.Result missing = cache.load(new ConfinedFiles.Missing(), "gone.json");

        assertThat(missing.json()).isEmpty();
        assertThat(cache.size()).isZero();
    }
}
