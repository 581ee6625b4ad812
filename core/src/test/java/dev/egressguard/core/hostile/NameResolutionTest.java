package dev.egressguard.core.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions that take an address: a host name where an IP literal belongs is an expression error
 * at the expression's place, and no name is ever looked up (parseCidr used to hand the text to
 * InetAddress.getByName, so a template could send DNS queries from the build that checks it).
 * Run under {@link VerifyWithoutNetwork}, which sees every lookup and connection attempt.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NameResolutionTest {

    /** Each is one resource's address prefix, on line 3 + its index of the file. */
    private static final List<String> EXPRESSIONS = List.of(
            "[parseCidr('g:some-name.example/24').network]",
            "[cidrSubnet('some-name.example/16', 24, 0)]",
            "[cidrHost('localhost/8', 1)]",
            "[parseCidr('fe80::1%eth0/64').network]",
            "[parseCidr('010.0.0.0/8').network]",
            "[parseCidr('10.1/16').network]",
            "[uri('http://some-name.example/', 'x')]",
            "[uriComponentToString(uriComponent('http://some-name.example/'))]",
            "[dataUriToString(dataUri('some-name.example'))]",
            "[parseCidr('::ffff:10.0.0.0/120').network]",
            "[cidrSubnet('fd00:0:0:1::/64', 80, 3)]");

    @TempDir
    Path dir;

    @Test
    void hostNamesAreNeverLookedUp() throws Exception {
        HostileProject project = new HostileProject(dir);
        String resources = IntStream.range(0, EXPRESSIONS.size()).mapToObj(NameResolutionTest::resourceLine).collect(Collectors.joining(",\n", "[\n", "\n]"));
        project.write("names.json", "{ \"$schema\": \"" + HostileProject.SCHEMA + "\", \"contentVersion\": \"1.0.0.0\",\n"
                + "\"resources\":\n" + resources + "\n}\n");

        List<String> output = ChildJvm.verify(VerifyWithoutNetwork.class, dir, "-Djava.security.manager=allow");

        assertThat(output).as("lookups and connections").noneMatch(l -> l.startsWith("NETWORK "));
        String expects = " expects a CIDR range of an IP address such as '10.0.0.0/16' or 'fd00::/48' but got ";
        assertThat(output).filteredOn(l -> l.startsWith("DIAGNOSTIC ")).containsExactlyInAnyOrder(
                error(0, "parseCidr", expects + "'g:some-name.example/24'"),
                error(1, "cidrSubnet", expects + "'some-name.example/16'"),
                error(2, "cidrHost", expects + "'localhost/8'"),
                error(3, "parseCidr", expects + "'fe80::1%eth0/64'"),
                error(4, "parseCidr", expects + "'010.0.0.0/8'"),
                error(5, "parseCidr", expects + "'10.1/16'"));
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
        assertThat(output).noneMatch(l -> l.contains("\tat ") || l.contains("Exception"));
    }

    /** The watcher is not vacuous: a lookup made under it is seen, and refused before any query. */
    @Test
    void theWatcherSeesALookup() throws Exception {
        List<String> output = ChildJvm.verify(VerifyWithoutNetwork.class, Path.of(VerifyWithoutNetwork.SELF_TEST),
                "-Djava.security.manager=allow");

        assertThat(output).contains("NETWORK some-name.example.invalid:-1", "LOOKUP REFUSED");
    }

    /** Resource {@code index} is on line 4 + index; the error points at the failing call, just after {@code "[}. */
    private static String error(int index, String function, String what) {
        String line = resourceLine(index);
        return "DIAGNOSTIC ERROR names.json:" + (4 + index) + ":" + (line.indexOf("\"[") + 3)
                + " invalid expression: The template function '" + function + "'" + what;
    }

    private static String resourceLine(int i) {
        return """
                  { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet%d", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": [ "%s" ] } } }"""
                .formatted(i, EXPRESSIONS.get(i));
    }
}
