package dev.egressguard.core.expression.functions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** IP literals as RFC 4291 writes them in, RFC 5952 out; nothing else is an address. */
class IpLiteralTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "10.144.3.17, 10.144.3.17",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "fdad:3236:5555::, fdad:3236:5555::",
            "FDAD:3236:5555:0:0:0:0:1, fdad:3236:5555::1",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8:0000:0001:0000:0000:0000:0001, 2001:db8:0:1::1",
            "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
            "::ffff:10.0.0.1, ::ffff:10.0.0.1",
            "::ffff:0:0, ::ffff:0.0.0.0",
            "1:2:3:4:5:6:10.0.0.1, 1:2:3:4:5:6:a00:1"})
    void readsAndWritesLiterals(String text, String written) {
        byte[] raw = IpLiteral.parse(text).orElseThrow();
        assertThat(IpLiteral.format(new BigInteger(1, raw), raw.length * 8)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "some-name.example", "g:some-name.example", "10.1", "10", "10.0.0",
            "10.0.0.0.0", "256.0.0.0", "010.0.0.1", "0x0a.0.0.1", "1e1.0.0.1", "+1.0.0.1", "١٠.0.0.1", "10.0.0.1 ",
            ":", ":::", "1:::2", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8",
            "12345::", "g::", "fe80::1%eth0", "::ffff:10.0.0", "::10.0.0.1.2", "1.2.3.4::", "[::1]", "::١"})
    void refusesWhatIsNotALiteral(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
