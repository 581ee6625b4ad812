package dev.egressguard.core.rule.condition;

import dev.egressguard.core.source.JsonPointers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The pointers a {@code via} names, against the regular expression that decided it before. */
class ViaPointerTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            properties.subnet                   | /properties/subnet                              | true
            properties.subnet                   | /properties/subnet/id                           | true
            properties.subnet                   | /Properties/SUBNET/ID                           | true
            properties.subnet                   | /properties/subnet/name                         | false
            properties.subnet                   | /properties/subnets                             | false
            properties.subnet                   | /properties                                     | false
            properties.subnet                   | /properties/subnet/id/x                         | false
            properties.ip[*].properties.subnet  | /properties/ip/12/properties/subnet/id          | true
            properties.ip[*].properties.subnet  | /properties/ip//properties/subnet/id            | false
            properties.ip[*].properties.subnet  | /properties/ip/x/properties/subnet/id           | false
            properties.ip[1].subnet             | /properties/ip/1/subnet                         | true
            properties.ip[1].subnet             | /properties/ip/01/subnet                        | false
            a/b.c~d                             | /a~1b/C~0D                                      | true
            a/b.c~d                             | /a/b/c~d                                        | false
            """)
    void examples(String via, String pointer, boolean matches) {
        assertThat(ViaPointer.of(FieldPath.parse(via)).matches(pointer)).isEqualTo(matches);
        assertThat(regex(FieldPath.parse(via)).matcher(pointer).matches()).isEqualTo(matches);
    }

    @Test
    void sameAnswersAsTheRegularExpressionOnRandomPointers() {
        List<String> vias = List.of("properties.subnet", "properties.ipConfigurations[*].properties.subnet",
                "properties.vnetSubnetID", "a[2].b", "\u00e9t\u00e9.x", "k\u212aey");
        List<String> pieces = List.of("properties", "PROPERTIES", "subnet", "Subnet", "ipConfigurations", "ipconfigurations",
                "vnetSubnetID", "vnetsubnetid", "id", "ID", "0", "2", "17", "02", "a", "b", "x", "\u00e9t\u00e9", "\u00c9T\u00c9",
                "kKey", "k\u212aey", "kkey", "", "~1");
        Random random = new Random(7);
        for (String via : vias) {
            FieldPath path = FieldPath.parse(via);
            ViaPointer fast = ViaPointer.of(path);
            Pattern slow = regex(path);
            for (int round = 0; round < 20_000; round++) {
                StringBuilder pointer = new StringBuilder();
                int n = random.nextInt(7);
                for (int i = 0; i < n; i++) {
                    pointer.append('/').append(pieces.get(random.nextInt(pieces.size())));
                }
                String p = pointer.toString();
                assertThat(fast.matches(p)).as("%s ~ %s", via, p).isEqualTo(slow.matcher(p).matches());
            }
        }
    }

    /** What referencedBy compiled before: quoted escaped keys, the index, \d+ for [*], an optional /id; ASCII case. */
    private static Pattern regex(FieldPath via) {
        StringBuilder sb = new StringBuilder();
        for (FieldPath.Segment s : via.segments()) {
            sb.append('/');
            if (s instanceof FieldPath.Key k) {
                sb.append(Pattern.quote(JsonPointers.escape(k.name())));
            } else if (s instanceof FieldPath.Index i) {
                sb.append(i.index());
            } else {
                sb.append("\\d+");
            }
        }
        sb.append("(/id)?");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
