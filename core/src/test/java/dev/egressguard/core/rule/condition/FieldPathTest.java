package dev.egressguard.core.rule.condition;

import dev.egressguard.core.rule.Resources;
import dev.egressguard.core.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paths: what they reach, the pointers they report, and the mistakes they refuse. */
class FieldPathTest {

    private static final Value BODY = Resources.value("""
            {"properties": {"ipConfigurations": [
                {"name": "a", "properties": {"subnet": {"id": "s1"}}},
                {"name": "b", "properties": {}},
                {"name": "c", "properties": "<unknown:reference(x)>"}],
              "a/b": {"c~d": 1}}}
            """);

    @Test
    void wildcardsReachEachElementWithItsPointer() {
        List<FieldPath.Hit> hits = FieldPath.parse("PROPERTIES.ipconfigurations[*].properties.subnet.id").resolve(BODY, "");
        assertThat(hits).extracting(FieldPath.Hit::pointer).containsExactly(
                "/properties/ipConfigurations/0/properties/subnet/id",
                "/properties/ipConfigurations/1/properties/subnet/id",
                "/properties/ipConfigurations/2/properties");
        assertThat(hits).extracting(FieldPath.Hit::value).containsExactly(Value.of("s1"), null,
                Value.unknown("reference(x)", null));
        assertThat(hits).extracting(FieldPath.Hit::complete).containsExactly(true, true, false);
    }

    @Test
    void keysWithSlashesAndTildesAreEscapedInPointers() {
        List<FieldPath.Hit> hits = FieldPath.parse("properties.a/b.c~d").resolve(BODY, "");
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.pointer()).isEqualTo("/properties/a~1b/c~0d");
            assertThat(h.value()).isEqualTo(Value.of(1));
        });
        assertThat(FieldPath.dotted("/properties/a~1b/c~0d/0/x")).isEqualTo("properties.a/b.c~d[0].x");
    }

    @Test
    void indexesOutOfRangeAreMissingWhereTheyWouldBe() {
        assertThat(FieldPath.parse("properties.ipConfigurations[7].name").resolve(BODY, "/base"))
                .singleElement().satisfies(h -> {
                    assertThat(h.pointer()).isEqualTo("/base/properties/ipConfigurations/7/name");
                    assertThat(h.isMissing()).isTrue();
                });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a..b         | empty key at position 3 in 'a..b'
            .a           | empty key at position 1 in '.a'
            a.           | 'a.' ends with '.'
            a[x]         | '[x]' in 'a[x]' is neither [n] nor [*]
            a[1          | '[' at position 2 is not closed in 'a[1'
            a[0]b        | missing '.' before position 5 in 'a[0]b'
            """)
    void mistakes(String path, String message) {
        assertThatThrownBy(() -> FieldPath.parse(path)).hasMessage(message);
    }
}
