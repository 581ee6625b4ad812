package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPointersTest {

    @Test
    void escapesTildeBeforeSlash() {
        assertThat(JsonPointers.escape("a/b~c")).isEqualTo("a~1b~0c");
        assertThat(JsonPointers.escape("~1")).isEqualTo("~01");
        assertThat(JsonPointers.escape("plain")).isEqualTo("plain");
    }

    @Test
    void unescapeUndoesEscape() {
        for (String key : new String[] {"", "plain", "a/b", "~", "~1", "~0/~1", "//~~"}) {
            assertThat(JsonPointers.unescape(JsonPointers.escape(key))).isEqualTo(key);
        }
        assertThat(JsonPointers.unescape("~01")).isEqualTo("~1");
    }
}
