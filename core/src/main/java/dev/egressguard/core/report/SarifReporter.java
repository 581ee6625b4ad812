package dev.egressguard.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning, Azure DevOps' SARIF viewer and IDEs. Choices (see docs/ci.md):
 * <ul>
 *   <li>UNKNOWN findings are results of level {@code warning} (or {@code note} for note rules)
 *       whose message starts with "Unknown:", so they show in code scanning. SARIF's
 *       {@code kind: open} would say it better, but the spec then forces level {@code none}.</li>
 *   <li>{@code partialFingerprints["egressGuard/v1"]} hashes rule id, resource id and property path,
 *       not the line, so alerts survive edits elsewhere in the file.</li>
 *   <li>Suppressed findings stay, with {@code suppressions[]}: {@code inSource} for template
 *       metadata, {@code external} for the suppression file and the baseline.</li>
 *   <li>Diagnostics are tool execution notifications of the one invocation.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String FINGERPRINT_KEY = "egressGuard/v1";

    private final ToolInfo tool;
    private final DisplayPaths paths;

    public SarifReporter(ToolInfo tool, DisplayPaths paths) {
        this.tool = tool;
        this.paths = paths;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        PrettyJson.write(toSarif(report), out);
    }

    public ObjectNode toSarif(Report report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<RuleDescriptor> rules = rulesOf(report);
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool.name());
        driver.put("version", tool.version());
        driver.put("informationUri", tool.informationUri());
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleDescriptor r : rules) {
            ruleIndex.put(r.id(), ruleNodes.size());
            ruleNodes.add(rule(r));
        }

        if (paths.base() != null) {
            String baseUri = paths.base().toUri().toASCIIString();
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", baseUri.endsWith("/") ? baseUri : baseUri + "/");
        }
        run.put("columnKind", "utf16CodeUnits");

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !report.hasErrors());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (Diagnostic d : report.diagnostics()) {
            notifications.add(notification(d));
        }

        ArrayNode results = run.putArray("results");
        for (Finding finding : FindingOrder.sorted(report.findings(), paths)) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }
        return root;
    }

    /** The report's rules, plus any a finding names that the report does not describe, so ruleIndex always resolves. */
    private static List<RuleDescriptor> rulesOf(Report report) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        for (RuleDescriptor r : report.rules()) {
            byId.putIfAbsent(r.id(), r);
        }
        for (Finding f : report.findings()) {
            byId.computeIfAbsent(f.ruleId(), id -> new RuleDescriptor(id, f.ruleName(), null, null, f.severity(),
                    f.remediation(), null, null));
        }
        return new ArrayList<>(byId.values());
    }

    private static ObjectNode rule(RuleDescriptor r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", r.id());
        n.put("name", r.name());
        n.putObject("shortDescription").put("text", r.title());
        n.putObject("fullDescription").put("text", r.description());
        StringBuilder text = new StringBuilder(r.description());
        StringBuilder markdown = new StringBuilder(r.description());
        if (!r.remediation().isBlank()) {
            text.append("\n\nRemediation: ").append(r.remediation());
            markdown.append("\n\n**Remediation:** ").append(r.remediation());
        }
        if (r.helpUri() != null && !r.helpUri().isBlank()) {
            text.append("\n\nMore: ").append(r.helpUri());
            if (isWebLink(r.helpUri())) {
                markdown.append("\n\n[More about ").append(r.id()).append("](").append(r.helpUri()).append(")");
                n.put("helpUri", r.helpUri());
            } else {
                markdown.append("\n\nMore: ").append(r.helpUri());
            }
        }
        ObjectNode help = n.putObject("help");
        help.put("text", text.toString());
        help.put("markdown", markdown.toString());
        n.putObject("defaultConfiguration").put("level", r.severity().id());
        ObjectNode props = n.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        r.tags().forEach(tags::add);
        return n;
    }

    /**
     * SARIF's helpUri must be an absolute URI, and a rule file (which may come with the pull request)
     * can hold any text: only an http(s) link is one, and only it becomes a link in the help markdown.
     */
    static boolean isWebLink(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme()
                    .equalsIgnoreCase("http")) && uri.getRawAuthority() != null && text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ObjectNode result(Finding f, Integer index) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ruleId", f.ruleId());
        if (index != null) {
            n.put("ruleIndex", index);
        }
        n.put("level", level(f));
        n.putObject("message").put("text", f.outcome() == Outcome.UNKNOWN ? "Unknown: " + f.message() : f.message());
        ObjectNode location = location(f.location());
        if (!f.resourceId().isEmpty()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            if (!f.resourceName().isEmpty()) {
                logical.put("name", f.resourceName());
            }
            logical.put("fullyQualifiedName", f.resourceId());
            logical.put("kind", "resource");
        }
        if (!location.isEmpty()) {
            n.putArray("locations").add(location);
        }
        n.putObject("partialFingerprints").put(FINGERPRINT_KEY, FindingKey.of(f).fingerprint());
        if (f.isSuppressed()) {
            n.putArray("suppressions").add(suppression(f.suppression()));
        }
        ObjectNode props = n.putObject("properties");
        props.put("outcome", f.outcome().name());
        props.put("severity", f.severity().id());
        props.put("resourceType", f.resourceType());
        props.put("resourceId", f.resourceId());
        props.put("path", f.path());
        if (!f.remediation().isBlank()) {
            props.put("remediation", f.remediation());
        }
        if (f.portalLink() != null && !f.portalLink().isBlank()) {
            props.put("portalLink", f.portalLink());
        }
        return n;
    }

    /** FAIL keeps the rule's severity; UNKNOWN is at most a warning, since nothing is known to be wrong. */
    static String level(Finding f) {
        if (f.outcome() == Outcome.UNKNOWN) {
            return f.severity() == Severity.NOTE ? "note" : "warning";
        }
        return f.severity().id();
    }

    private ObjectNode suppression(Finding.Suppression s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("kind", s.kind() == Finding.Suppression.Kind.INLINE ? "inSource" : "external");
        n.put("status", "accepted");
        n.put("justification", s.justification());
        ObjectNode at = location(s.source());
        if (!at.isEmpty()) {
            n.set("location", at);
        }
        n.putObject("properties").put("egressGuardKind", s.kind().name());
        return n;
    }

    private ObjectNode notification(Diagnostic d) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putObject("message").put("text", d.message());
        n.put("level", switch (d.level()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        });
        ObjectNode at = location(d.location());
        if (!at.isEmpty()) {
            n.putArray("locations").add(at);
        }
        return n;
    }

    /** A physical location, or an empty object when the place has no file (a live resource). */
    private ObjectNode location(SourceLocation at) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (!at.isKnown()) {
            return n;
        }
        ObjectNode physical = n.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", paths.uri(at.file()));
        if (paths.isUnderBase(at.file())) {
            artifact.put("uriBaseId", SRCROOT);
        }
        if (at.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
        }
        return n;
    }
}
