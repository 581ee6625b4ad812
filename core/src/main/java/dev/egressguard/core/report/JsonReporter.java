package dev.egressguard.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The report as JSON for scripts and dashboards. The schema is documented in docs/report-json.md
 * and versioned by {@code formatVersion}: field names and meanings only ever grow.
 */
public final class JsonReporter implements Reporter {

    /** Bumped only when a field changes meaning or goes away; new fields do not bump it. */
    public static final int FORMAT_VERSION = 1;

    private final ToolInfo tool;
    private final DisplayPaths paths;

    public JsonReporter(ToolInfo tool, DisplayPaths paths) {
        this.tool = tool;
        this.paths = paths;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        PrettyJson.write(toJson(report), out);
    }

    public ObjectNode toJson(Report report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode t = root.putObject("tool");
        t.put("name", tool.name());
        t.put("version", tool.version());
        t.put("informationUri", tool.informationUri());
        root.set("summary", summary(ReportSummary.of(report)));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : FindingOrder.sorted(report.findings(), paths)) {
            findings.add(finding(finding));
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = diagnostics.addObject();
            n.put("level", d.level().name().toLowerCase(Locale.ROOT));
            putLocation(n, d.location());
            n.put("message", d.message());
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleDescriptor r : report.rules()) {
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            n.put("name", r.name());
            n.put("title", r.title());
            n.put("severity", r.severity().id());
            n.put("helpUri", r.helpUri());
            ArrayNode tags = n.putArray("tags");
            r.tags().forEach(tags::add);
        }
        ArrayNode inputs = root.putArray("inputs");
        report.inputs().forEach(i -> inputs.add(paths.display(i)));
        return root;
    }

    private ObjectNode finding(Finding f) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("ruleId", f.ruleId());
        n.put("ruleName", f.ruleName());
        n.put("outcome", f.outcome().name());
        n.put("severity", f.severity().id());
        n.put("resourceType", f.resourceType());
        n.put("resourceId", f.resourceId());
        n.put("resourceName", f.resourceName());
        putLocation(n, f.location());
        n.put("path", f.path());
        n.put("message", f.message());
        n.put("remediation", f.remediation());
        if (f.portalLink() != null && !f.portalLink().isBlank()) {
            n.put("portalLink", f.portalLink());
        }
        if (f.isSuppressed()) {
            ObjectNode s = n.putObject("suppressed");
            s.put("kind", f.suppression().kind().name());
            s.put("justification", f.suppression().justification());
            putLocation(s, f.suppression().source());
        }
        n.put("fingerprint", FindingKey.of(f).fingerprint());
        return n;
    }

    /** file, line and column; null where not known (a live resource has no file). */
    private void putLocation(ObjectNode n, SourceLocation at) {
        if (at.isKnown()) {
            n.put("file", paths.display(at));
        } else {
            n.putNull("file");
        }
        if (at.isKnown() && at.line() > 0) {
            n.put("line", at.line());
        } else {
            n.putNull("line");
        }
        if (at.isKnown() && at.line() > 0 && at.column() > 0) {
            n.put("column", at.column());
        } else {
            n.putNull("column");
        }
    }

    private static ObjectNode summary(ReportSummary s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("failed", s.failed());
        ObjectNode bySeverity = n.putObject("failedBySeverity");
        bySeverity.put("error", s.failedError());
        bySeverity.put("warning", s.failedWarning());
        bySeverity.put("note", s.failedNote());
        n.put("unknown", s.unknown());
        n.put("suppressed", s.suppressed());
        n.put("passed", s.passed());
        n.put("evaluations", s.evaluations());
        n.put("files", s.files());
        n.put("resources", s.resources());
        n.put("rules", s.rules());
        n.put("requiredParametersWithoutValue", s.requiredParametersWithoutValue());
        ObjectNode diagnostics = n.putObject("diagnostics");
        diagnostics.put("error", s.diagnosticErrors());
        diagnostics.put("warning", s.diagnosticWarnings());
        diagnostics.put("info", s.diagnosticInfos());
        return n;
    }
}
