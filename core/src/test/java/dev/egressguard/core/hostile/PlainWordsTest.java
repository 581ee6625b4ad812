package dev.egressguard.core.hostile;

import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smaller cases of hostile input: each is one message at {@code file:line:col} in plain words
 * (no parser's internals), the limit it passed named, and the control template still checked.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlainWordsTest {

    @TempDir
    Path dir;

    private static List<String> messages(Report report) {
        report.diagnostics().forEach(HostileProject::assertReadable);
        return report.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void jsonNestedPastTheLimit() {
        HostileProject project = new HostileProject(dir);
        project.template("deep.json", "[ { \"name\": \"v\", \"properties\":\n" + "[".repeat(1_001) + "]".repeat(1_001) + " } ]");

        Report report = project.verify();

        // The root object, 'resources' and the resource are three levels: the 998th '[' is the 1001st level.
        assertThat(messages(report)).containsExactly("deep.json:2:998: error: the JSON nests arrays and objects more than 1000 levels deep; it is not read");
        assertControlChecked(report);
    }

    @Test
    void numberLongerThanTheLimit() {
        HostileProject project = new HostileProject(dir);
        project.template("digits.json", "[ { \"name\": \"v\", \"properties\": {\n \"n\": 0." + "0".repeat(1_000) + "1 } } ]");

        Report report = project.verify();

        assertThat(messages(report)).containsExactly("digits.json:2:7: error: a number is longer than 1000 characters; it is not read");
        assertControlChecked(report);
    }

    @Test
    void overlongUtf8IsReportedWhereItIs() {
        HostileProject project = new HostileProject(dir);
        byte[] head = ("{ \"$schema\": \"" + HostileProject.SCHEMA + "\",\n  \"contentVersion\": \"1.0.0.0\", \"resources\": [],\n"
                + "  \"outputs\": { \"é\": { \"type\": \"string\", \"value\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF}; // '/' in two bytes: never valid UTF-8
        byte[] tail = "\" } } }".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = HostileProject.concat(head, overlong, tail);
        project.writeBytes("overlong.json", bytes);

        Report report = project.verify();

        String line3 = new String(head, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
        assertThat(messages(report)).containsExactly("overlong.json:3:" + (line3.length() + 1)
                + ": error: invalid UTF-8 byte 0xC0; save the file as UTF-8");
        assertControlChecked(report);
    }

    @Test
    void resourcesThatAreNull() {
        HostileProject project = new HostileProject(dir);
        project.write("null.json", "{ \"$schema\": \"" + HostileProject.SCHEMA + "\", \"contentVersion\": \"1.0.0.0\",\n"
                + "  \"resources\": null }\n");

        Report report = project.verify();

        assertThat(messages(report)).containsExactly("null.json:2:3: error: 'resources' is null; a template lists its resources in an array, [] when it deploys none");
        assertControlChecked(report);
    }

    @Test
    void splitPastTheArrayLimit() {
        HostileProject project = new HostileProject(dir);
        project.template("split.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet", "location": "westeurope",
                    "properties": { "addressSpace": { "addressPrefixes": "[split(padLeft('', 4000000, ','), ',')]" } } } ]""");

        Report report = project.verify();

        assertThat(messages(report)).containsExactly("split.json:2:60: error: invalid expression: The template function 'split' would build an array"
                + " of more than 1000000 elements");
        assertControlChecked(report);
    }

    @Test
    void jsonTextPastTheArrayLimit() {
        HostileProject project = new HostileProject(dir);
        project.template("json.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet", "location": "westeurope",
                    "properties": { "addressSpace": { "addressPrefixes": "[json(concat('[', replace(padLeft('', 1000001, ','), ',', '1,'), '1]'))]" } } } ]""");

        Report report = project.verify();

        assertThat(messages(report)).containsExactly("json.json:2:60: error: invalid expression: The template function 'json' can't parse its argument:"
                + " The text is refused: an array in it has more than 1000000 elements");
        assertControlChecked(report);
    }

    @Test
    void megabytesOfInputAreNotQuotedWhole() {
        HostileProject project = new HostileProject(dir);
        String huge = "x".repeat(300_000);
        String key = "k".repeat(10_000);
        project.template("quote.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet", "location": "westeurope",
                    "properties": { "addressSpace": { "addressPrefixes": [ "[int('%s')]", "[parseCidr('%s/8')]", "[%s()]" ] },
                    "%s": 1, "%s": 2 } } ]""".formatted(huge, huge, huge, key, key));

        Report report = project.verify();

        String x200 = "x".repeat(200);
        String invalid = "quote.json:2:%d: error: invalid expression: The template function ";
        assertThat(messages(report)).containsExactly(
                "quote.json:3:10012: warning: duplicate key '" + "k".repeat(200) + "… (10000 characters)' (also at line 3);"
                        + " the last one is used",
                invalid.formatted(62) + "'int' can't convert '" + x200 + "… (300000 characters)' to an integer",
                invalid.formatted(300075) + "'parseCidr' expects a CIDR range of an IP address such as '10.0.0.0/16' or"
                        + " 'fd00::/48' but got '" + x200 + "… (300002 characters)'",
                invalid.formatted(600096) + "'" + x200 + "… (300000 characters)' is not valid");
        assertControlChecked(report);
    }

    @Test
    void yamlAliasesPastTheLimit() {
        HostileProject project = new HostileProject(dir);
        String anchors = "shared: &list [a]\n" + IntStream.range(0, 25).mapToObj(i -> "k" + i + ": *list")
                .collect(Collectors.joining("\n", "", "\n"));
        project.rules(project.write("rules/aliases.yaml", "apiVersion: egressguard.dev/v1\nkind: RuleSet\n" + anchors + "rules: []\n"));

        Report report = project.verify();

        // The 21st alias, k20 on line 24, at its '*'.
        assertThat(messages(report)).containsExactly(dir.resolve("rules/aliases.yaml") + ":24:6: error: too many aliases"
                + " (at most 20 aliases to lists or maps; a 'billion laughs' file is refused)");
        assertControlChecked(report);
    }

    @Test
    void yamlNestedPastTheLimit() {
        HostileProject project = new HostileProject(dir);
        project.rules(project.write("rules/nested.yaml", "apiVersion: egressguard.dev/v1\nkind: RuleSet\nrules: []\ndeep: "
                + "[".repeat(60) + "]".repeat(60) + "\n"));

        Report report = project.verify();

        // The 51st '[' after "deep: " on line 4.
        assertThat(messages(report)).containsExactly(dir.resolve("rules/nested.yaml") + ":4:57: error: the YAML is nested too deeply (limit 50)");
        assertControlChecked(report);
    }
}
