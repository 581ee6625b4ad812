package dev.egressguard.core.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Number literals whose exact digits would fill the heap: {@code 1e999999999} printed plainly is
 * a billion characters (an OutOfMemoryError under -Xmx1g), {@code 1e2147483647} broke the
 * printing itself. Each file is verified in a JVM with a 256 MB heap; each number is an error at
 * its own line and column, and a number Azure can read is shown compactly in a message.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HugeNumbersTest {

    private static final String OUT_OF_RANGE = " is outside the range Azure accepts (JSON numbers are doubles, at most about 1.8e308)";

    @TempDir
    Path dir;

    private static String templateWithDefault(String value, String type) {
        return """
                { "$schema": "%s", "contentVersion": "1.0.0.0",
                  "parameters": { "p": { "type": "%s",
                    "defaultValue": %s } },
                  "resources": [] }
                """.formatted(HostileProject.SCHEMA, type, value);
    }

    @Test
    void literalsPastTheRangeOfADoubleAreErrorsWhereTheyAreWritten() throws Exception {
        HostileProject project = new HostileProject(dir);
        project.write("billion.json", templateWithDefault("[1e999999999]", "array"));
        project.write("maxint.json", templateWithDefault("[ 1, 1e2147483647 ]", "array"));
        project.write("beyond.json", templateWithDefault("-1e99999999999", "int"));
        project.write("integer.json", templateWithDefault("1" + "0".repeat(500), "int"));
        project.write("tiny.json", templateWithDefault("1e-999999999", "int"));

        List<String> output = ChildJvm.verify(VerifyInBoundedHeap.class, dir, "-Xmx256m");

        assertThat(output).filteredOn(l -> l.startsWith("DIAGNOSTIC ")).containsExactlyInAnyOrder(
                "DIAGNOSTIC ERROR billion.json:3:22 the number 1e999999999" + OUT_OF_RANGE,
                "DIAGNOSTIC ERROR maxint.json:3:26 the number 1e2147483647" + OUT_OF_RANGE,
                "DIAGNOSTIC ERROR beyond.json:3:21 the number -1e99999999999" + OUT_OF_RANGE,
                "DIAGNOSTIC ERROR integer.json:3:21 the number 1" + "0".repeat(199) + "… (501 characters)" + OUT_OF_RANGE,
                "DIAGNOSTIC ERROR tiny.json:3:21 the number 1e-999999999" + OUT_OF_RANGE);
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
        assertThat(output).noneMatch(l -> l.contains("\tat ") || l.contains("Exception") || l.contains("Error:"));
    }

    /** The message points at the parameter's name; the value is shown as 1E+300, not 301 digits. */
    @Test
    void aNumberInRangeIsShownCompactly() throws Exception {
        HostileProject project = new HostileProject(dir);
        project.write("large.json", templateWithDefault("1e300", "string"));

        List<String> output = ChildJvm.verify(VerifyInBoundedHeap.class, dir, "-Xmx256m");

        assertThat(output).filteredOn(l -> l.startsWith("DIAGNOSTIC ")).containsExactly(
                "DIAGNOSTIC ERROR large.json:2:19 parameter 'p' is declared string but its value 1E+300 is Number");
        assertThat(output).contains("EVALUATED " + HostileProject.CONTROL_RESOURCE);
    }
}
