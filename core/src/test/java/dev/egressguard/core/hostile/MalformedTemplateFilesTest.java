package dev.egressguard.core.hostile;

import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertErrorNames;

/**
 * Files that are not templates at all, or are templates only in shape: each is an error that
 * names the file (a broken template must not pass unnoticed), and the control template beside
 * it is still checked.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MalformedTemplateFilesTest {

    @TempDir
    Path dir;

    @Test
    void emptyFile() {
        HostileProject project = new HostileProject(dir);
        project.write("empty.json", "");

        Report report = project.verify();

        assertErrorNames(report, "empty.json");
        assertControlChecked(report);
    }

    @Test
    void templateThatIsAJsonArray() {
        HostileProject project = new HostileProject(dir);
        project.write("array.json", "[ { \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\" } ]");

        Report report = project.verify();

        assertErrorNames(report, "array.json");
        assertControlChecked(report);
    }

    @Test
    void invalidUtf8() {
        HostileProject project = new HostileProject(dir);
        byte[] head = ("{ \"$schema\": \"" + HostileProject.SCHEMA + "\", \"contentVersion\": \"1.0.0.0\", "
                + "\"resources\": [ { \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] tail = "\" } ] }".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = HostileProject.concat(head, bad, tail);
        project.writeBytes("latin.json", bytes);

        Report report = project.verify();

        assertErrorNames(report, "latin.json");
        assertControlChecked(report);
    }

    @Test
    void binaryGarbage() {
        HostileProject project = new HostileProject(dir);
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(42).nextBytes(noise);
        project.writeBytes("noise.json", noise);

        Report report = project.verify();

        assertErrorNames(report, "noise.json");
        assertControlChecked(report);
    }

    @Test
    void tenThousandDeepJsonNesting() {
        HostileProject project = new HostileProject(dir);
        int depth = 10_000;
        String nested = "{\"x\":".repeat(depth) + "1" + "}".repeat(depth);
        project.template("deep.json", "[ { \"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2023-09-01\", "
                + "\"name\": \"deep\", \"properties\": " + nested + " } ]");

        Report report = project.verify();

        assertErrorNames(report, "deep.json");
        assertControlChecked(report);
    }

    @Test
    void tenThousandDeepArrayNestingAsTheWholeFile() {
        HostileProject project = new HostileProject(dir);
        project.write("brackets.json", "[".repeat(10_000) + "]".repeat(10_000));

        Report report = project.verify();

        assertErrorNames(report, "brackets.json");
        assertControlChecked(report);
    }

    @Test
    void resourcesThatAreNotAnArray() {
        HostileProject project = new HostileProject(dir);
        project.template("shape.json", "{ \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\" }");

        Report report = project.verify();

        assertErrorNames(report, "shape.json");
        assertControlChecked(report);
    }
}
