package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.report.ColorMode;
import dev.egressguard.core.report.ConsoleReporter;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FailDecision;
import dev.egressguard.core.report.FailPolicy;
import dev.egressguard.core.report.Format;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportOptions;
import dev.egressguard.core.report.ReportWriter;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.report.ToolInfo;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text in every place a report shows text (rule id, names, resource id, file, message,
 * diagnostic, rule title and help link): each reporter must still write, and what it writes must
 * stay valid: JSON and SARIF parse as JSON, artifact URIs are URI references without a scheme of
 * their own, the JUnit file is well-formed XML, nothing holds an unpaired surrogate (it could not
 * be encoded as UTF-8), and console lines (and the fail explanation) hold no control or bidi
 * character and start no CI command.
 * <p>
 * The input is read as UTF-16 code units (two bytes each, big-endian), so any {@code char}, an
 * unpaired surrogate too, can reach the reporters; U+FDD0 separates the fields. The seeds are such
 * files: a newline-forged workflow command, a lone surrogate, ESC/OSC/BEL, bidi overrides, XML
 * and Markdown punctuation, a path with ':' '%' '#'.
 */
class ReportFuzzTest {

    static final char SEPARATOR = '\uFDD0';
    private static final Path BASE = Path.of("/repo").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReportOptions OPTIONS = ReportOptions.defaults(BASE).withColor(ColorMode.NEVER)
            .withTool(new ToolInfo("Egress Guard", "1.0.0", ToolInfo.INFORMATION_URI));

    @FuzzTest(maxDuration = "30s")
    void everyReporterStaysValid(byte[] input) throws Exception {
        Report report = report(fields(input));
        for (Format format : Format.values()) {
            StringWriter out = new StringWriter();
            ReportWriter.reporter(format, OPTIONS).write(report, out);
            String text = out.toString();
            assertThat(SafeText.wellFormed(text)).as("%s holds no unpaired surrogate", format).isEqualTo(text);
            assertEncodable(text);
            switch (format) {
                case JSON -> JSON.readTree(text);
                case SARIF -> assertSarifUris(JSON.readTree(text));
                case JUNIT -> assertWellFormedXml(text);
                case CONSOLE -> new ConsoleReporter(OPTIONS.paths(), false).lines(report).forEach(ReportFuzzTest::assertTerminalSafe);
                case MARKDOWN -> assertThat(text).doesNotContain("\r").doesNotContain("\u001b");
            }
        }
        FailDecision decision = FailDecision.decide(report, FailPolicy.DEFAULT, new DisplayPaths(BASE));
        assertTerminalSafe(decision.explanation());
    }

    /** The two inputs of issue 13 as named cases, so they run even where the seeds do not. */
    @Test
    void forgedWorkflowCommandAndLoneSurrogate() throws Exception {
        everyReporterStaysValid(encode("EG001", "x\n::error title=forged::owned", "lone\ud800surrogate",
                "infra/::error::x.json", "a\u001b]8;;http://x\u0007b\u202e", "##vso[task.setvariable variable=x]y"));
    }

    /** Found by the fuzzer in CI (seed place-named-colon): a diagnostic at a file named ":" printed "::". */
    @Test
    void aPlaceNamedColonDoesNotStartAWorkflowCommand() throws Exception {
        everyReporterStaysValid(encode("EG001", "name", "/id", "x.json", "message", ":", "", ""));
    }

    static List<String> fields(byte[] input) {
        char[] units = new char[input.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) (((input[2 * i] & 0xFF) << 8) | (input[2 * i + 1] & 0xFF));
        }
        List<String> fields = new ArrayList<>(Arrays.asList(new String(units).split(String.valueOf(SEPARATOR), -1)));
        while (fields.size() < 8) {
            fields.add(fields.get(fields.size() - 1));
        }
        return fields;
    }

    static byte[] encode(String... fields) {
        String text = String.join(String.valueOf(SEPARATOR), fields);
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) (text.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) text.charAt(i);
        }
        return bytes;
    }

    private static Report report(List<String> f) {
        String ruleId = f.get(0);
        String name = f.get(1);
        String resourceId = f.get(2);
        String file = f.get(3);
        String message = f.get(4);
        String other = f.get(5);
        // Some file texts are no paths on this OS (a NUL): the location keeps them as text all the same.
        SourceLocation at = new SourceLocation(file.isEmpty() ? "t.json" : file, 3, 5);
        SourceLocation absolute = new SourceLocation(BASE.resolve("infra").toString() + "/" + file, 1, 1);
        Finding fail = new Finding(ruleId, name, Severity.ERROR, Outcome.FAIL, other, resourceId, name, at, other,
                message, other, other, null);
        Finding unknown = new Finding(ruleId, name, Severity.WARNING, Outcome.UNKNOWN, other, resourceId, "", absolute,
                "", message, "", null, new Finding.Suppression(Finding.Suppression.Kind.FILE, other, at));
        Evaluation evaluation = new Evaluation(ruleId, resourceId, name, other, at, Outcome.PASS);
        RuleDescriptor rule = new RuleDescriptor(ruleId, name, other, message, Severity.ERROR, other, f.get(6),
                List.of(f.get(7)));
        List<Diagnostic> diagnostics = List.of(Diagnostic.error(at, message), Diagnostic.warning(SourceLocation.of(other), name));
        return new Report(List.of(fail, unknown), List.of(evaluation), diagnostics, List.of(rule), List.of(file));
    }

    private static void assertEncodable(String text) throws IOException {
        // A strict encoder, as Files.newBufferedWriter's: it throws on what it cannot write.
        ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        assertThat(bytes.remaining()).isGreaterThanOrEqualTo(0);
    }

    /** No control, line break or bidi character; no GitHub command at the start, no Azure one anywhere. */
    static void assertTerminalSafe(String line) {
        assertThat(line.chars()).as("controls and bidi in %s", line).noneMatch(ReportFuzzTest::unsafe);
        assertThat(line.stripLeading()).doesNotStartWith("::");
        assertThat(line.toLowerCase()).doesNotContain("##vso[").doesNotContain("##[");
    }

    private static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F
                || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static void assertSarifUris(JsonNode sarif) {
        for (JsonNode help : sarif.findValues("helpUri")) {
            assertThat(URI.create(help.asText()).isAbsolute()).as("helpUri %s", help).isTrue();
        }
        for (JsonNode uri : sarif.findValues("uri")) {
            URI parsed = URI.create(uri.asText());
            assertThat(uri.asText()).as("ASCII only").matches("\\p{ASCII}*");
            if (!uri.asText().startsWith("file:")) {
                assertThat(parsed.getScheme()).as("relative reference %s", uri).isNull();
            }
        }
    }

    private static final DocumentBuilderFactory XML = xmlFactory();

    private static DocumentBuilderFactory xmlFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertWellFormedXml(String xml) throws Exception {
        Document doc = XML.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
    }
}
