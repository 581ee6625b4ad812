package dev.egressguard.core.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChildrenTest {

    @Test
    void findsASegmentInAnyCasing_andInPlaceInALongerPointer() {
        Children<String> c = new Children<>();
        c.put("properties", "p");
        c.put("0", "zero");

        assertThat(c.get("Properties")).isEqualTo("p");
        assertThat(c.get("0")).isEqualTo("zero");
        assertThat(c.get("00")).as("segments match as text, not as numbers").isNull();
        String pointer = "/resources/PROPERTIES/x";
        assertThat(c.get(pointer, 11, 21)).isEqualTo("p");
        assertThat(c.get(pointer, 11, 20)).as("a prefix of a segment is another segment").isNull();
        assertThat(c.get("prop")).isNull();
    }

    @Test
    void puttingASegmentAgainInAnotherCasingReplacesItsNodeAndKeepsTheFirstSpelling() {
        Children<String> c = new Children<>();
        c.put("Name", "first");
        c.put("NAME", "second");

        List<String> seen = new ArrayList<>();
        c.forEach((segment, node) -> seen.add(segment + "=" + node));
        assertThat(seen).containsExactly("Name=second");
    }

    @Test
    void keepsEveryChildWhenItGrowsPastTheSmallSize() {
        Children<Integer> c = new Children<>();
        int n = Children.SMALL * 3;
        for (int i = 0; i < n; i++) {
            c.put("key" + i, i);
        }
        c.put("KEY3", 33);

        for (int i = 0; i < n; i++) {
            assertThat(c.get("Key" + i)).isEqualTo(i == 3 ? 33 : i);
            assertThat(c.get("/KEY" + i + "/", 1, ("KEY" + i).length() + 1)).isEqualTo(i == 3 ? 33 : i);
        }
        assertThat(c.get("key" + n)).isNull();
        List<String> seen = new ArrayList<>();
        c.forEach((segment, node) -> seen.add(segment));
        assertThat(seen).hasSize(n).contains("key3").doesNotContain("KEY3");
    }

    @Test
    void childrenAddedAsNewAreFoundLikeAnyOther() {
        Children<Integer> c = new Children<>();
        for (int i = 0; i < Children.SMALL * 2; i++) {
            c.putNew(JsonPointer.segment(i), i);
        }
        for (int i = 0; i < Children.SMALL * 2; i++) {
            assertThat(c.get(JsonPointer.segment(i))).isEqualTo(i);
            assertThat(c.get(new String(Integer.toString(i)))).as("equal, not the same string").isEqualTo(i);
        }
    }

    @Test
    void anArraysElementsAreFoundByIndexHoweverManyThereAre() {
        Children<Integer> c = new Children<>();
        for (int i = 0; i < 1500; i++) {
            c.put(JsonPointer.segment(i), i);
        }
        c.put("7", 77);
        c.put("12", 1212);

        assertThat(c.get("0")).isZero();
        assertThat(c.get("7")).isEqualTo(77);
        assertThat(c.get("/items/12/x", 7, 9)).isEqualTo(1212);
        assertThat(c.get("1499")).isEqualTo(1499);
        assertThat(c.get("1500")).isNull();
        assertThat(c.get("012")).as("not the text of an index").isNull();
        assertThat(c.get("-1")).isNull();
        assertThat(c.get("x")).isNull();
        List<Integer> seen = new ArrayList<>();
        c.forEach((segment, node) -> seen.add(Integer.parseInt(segment)));
        assertThat(seen).hasSize(1500).isSorted();
    }

    @Test
    void aKeyAmongManyIndexesKeepsEveryChild() {
        Children<Integer> c = new Children<>();
        for (int i = 0; i < 20; i++) {
            c.put(JsonPointer.segment(i), i);
        }
        c.put("Name", -1);
        c.put("25", 25);

        for (int i = 0; i < 20; i++) {
            assertThat(c.get(JsonPointer.segment(i))).isEqualTo(i);
        }
        assertThat(c.get("NAME")).isEqualTo(-1);
        assertThat(c.get("25")).isEqualTo(25);
        assertThat(c.get("20")).isNull();
    }
}
