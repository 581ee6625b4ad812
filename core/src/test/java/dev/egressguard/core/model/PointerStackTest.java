package dev.egressguard.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointerStackTest {

    @Test
    void writesAnRfc6901PointerWithEscapedKeys() {
        PointerStack p = new PointerStack();
        assertThat(p.pointer()).isEmpty();
        p.push("properties");
        p.push("a/b~c");
        p.push(3);
        assertThat(p.pointer()).isEqualTo("/properties/a~1b~0c/3");
        p.pop();
        assertThat(p.pointer()).isEqualTo("/properties/a~1b~0c");
    }

    @Test
    void theSamePointerIsWrittenOnceAndHandedOutAgain() {
        PointerStack p = new PointerStack();
        p.push("properties");
        p.push("subnet");
        p.push("id");
        String first = p.pointer();
        p.pop();
        p.pop();
        p.push(new String("subnet")); // an equal key of another body
        p.push("id");
        assertThat(p.pointer()).isSameAs(first);
    }

    @Test
    void aKeyThatLooksLikeAnIndexIsAnotherSegmentButTheSamePointer() {
        PointerStack p = new PointerStack();
        p.push("0");
        String key = p.pointer();
        p.pop();
        p.push(0);
        assertThat(p.pointer()).isEqualTo(key).isEqualTo("/0");
        p.pop();
        p.push(1);
        assertThat(p.pointer()).isEqualTo("/1");
    }

    @Test
    void aDeepWalkGrowsTheStackAndKeepsEveryPointerApart() {
        PointerStack p = new PointerStack();
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            p.push("k" + i);
            want.append("/k").append(i);
            assertThat(p.pointer()).isEqualTo(want.toString());
        }
        for (int i = 0; i < 39; i++) {
            p.pop();
        }
        assertThat(p.pointer()).isEqualTo("/k0");
    }
}
