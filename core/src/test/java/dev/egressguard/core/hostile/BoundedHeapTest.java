package dev.egressguard.core.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs built to fill the heap, each verified in a JVM limited to 256 MB: the run must finish,
 * name the file in an error and still check the template beside it. The heap limit is the
 * assertion that memory stays bounded; a test in this JVM could only watch it run out.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedHeapTest {

    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void hundredMegabyteTemplateIsRefusedWithinABoundedHeap() throws Exception {
        new HostileProject(dir);
        Path huge = dir.resolve("huge.json");
        long written = writeHugeTemplate(huge);
        assertThat(written).isGreaterThanOrEqualTo(SIZE);

        List<String> output = verifyInChildJvm(dir, "-Xmx256m");

        assertThat(maxHeapMb(output)).as("the child really ran with the small heap").isLessThanOrEqualTo(256);
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("DIAGNOSTIC ERROR ").contains("huge.json"));
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
    }

    /**
     * Each value stays under the evaluator's per-string limit, but a copy loop multiplies it:
     * 800 strings of 16 million characters are 12.8 GB from 600 bytes of JSON.
     */
    @Test
    void copyLoopOfHugeStringsIsRefusedWithinABoundedHeap() throws Exception {
        HostileProject project = new HostileProject(dir);
        project.template("amplified.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                    "location": "westeurope",
                    "properties": { "copy": [ { "name": "subnets", "count": 800, "input": {
                      "name": "[format('s{0}', copyIndex('subnets'))]",
                      "properties": { "addressPrefix": "[padLeft('10.0.0.0/24', 16000000, '0')]" } } } ] } } ]
                """);

        List<String> output = verifyInChildJvm(dir, "-Xmx256m");

        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("DIAGNOSTIC ERROR ").contains("amplified.json"));
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
    }

    /**
     * Numbers are exact decimals, so {@code 1e999999999} is a short text whose digits, once
     * added to or printed, are a billion characters: in a literal, through {@code json()} and
     * through {@code float()}.
     */
    @Test
    void numbersWithHugeExponentsAreRefusedWithinABoundedHeap() throws Exception {
        HostileProject project = new HostileProject(dir);
        project.template("exponent.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                    "location": "westeurope",
                    "properties": { "addressSpace": { "addressPrefixes": [
                      "[string(add(json('1e999999999'), 1))]",
                      "[string(float('1e-999999999'))]",
                      "[string(mul(json('1e400'), 1e999999999))]" ] },
                      "dhcpOptions": { "dnsServers": [ 1e999999999 ] } } } ]
                """);

        List<String> output = verifyInChildJvm(dir, "-Xmx256m");

        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("DIAGNOSTIC ERROR ").contains("exponent.json"));
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
    }

    /** Real-looking network interfaces until the file passes 100 MB, streamed so the test itself stays small. */
    private static long writeHugeTemplate(Path file) throws IOException {
        long size = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = "{ \"$schema\": \"" + HostileProject.SCHEMA + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": [\n";
            out.write(head);
            size += head.length();
            for (int i = 0; size < SIZE; i++) {
                String resource = (i == 0 ? "" : ",\n") + """
                          { "type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-09-01",
                            "name": "nic-%d", "location": "westeurope",
                            "properties": { "ipConfigurations": [ { "name": "ip", "properties": {
                              "privateIPAllocationMethod": "Dynamic",
                              "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')]" } } } ] } }""".formatted(i);
                out.write(resource);
                size += resource.length();
            }
            out.write("\n] }\n");
            size += 5;
        }
        return size;
    }

    /** {@code options} go to {@link VerifyInBoundedHeap} after the root: {@code --rules=FILE}, {@code --baseline=FILE}. */
    static List<String> verifyInChildJvm(Path root, String heap, String... options) throws IOException, InterruptedException {
        return ChildJvm.verify(VerifyInBoundedHeap.class, root, List.of(heap), List.of(options));
    }

    static int maxHeapMb(List<String> output) {
        return output.stream().filter(l -> l.startsWith("HEAP-MAX-MB "))
                .mapToInt(l -> Integer.parseInt(l.substring("HEAP-MAX-MB ".length()))).findFirst().orElse(Integer.MAX_VALUE);
    }
}
