package dev.egressguard.core.report;

import dev.egressguard.core.finding.Evaluation;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.RuleDescriptor;
import dev.egressguard.core.source.Diagnostic;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML (the Surefire/Ant dialect Jenkins, Azure DevOps and GitLab read). One test suite per
 * rule, one test case per rule and evaluated resource, so a CI test tab lists every check:
 * a FAIL finding is a {@code <failure>}, an UNKNOWN one is {@code <skipped>} (or a failure when
 * the build fails on unknowns), a suppressed one is {@code <skipped>} with its justification. A
 * last suite, "inputs", has a test case per file read, in {@code <error>} when it could not be read.
 */
final class JUnitReporter implements Reporter {

    public static final String INPUTS_SUITE = "inputs";

    private final DisplayPaths paths;
    private final boolean unknownAsFailure;

    public JUnitReporter(DisplayPaths paths, boolean unknownAsFailure) {
        this.paths = paths;
        this.unknownAsFailure = unknownAsFailure;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Suite> suites = new ArrayList<>(ruleSuites(report));
        suites.add(inputSuite(report));
        XmlWriter xml = new XmlWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        nl(xml, 0);
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "Egress Guard");
        writeCounts(xml, suites.stream().flatMap(s -> s.cases.stream()).toList());
        for (Suite s : suites) {
            nl(xml, 1);
            writeSuite(xml, s);
        }
        nl(xml, 0);
        xml.writeEndElement();
        nl(xml, 0);
        xml.writeEndDocument();
        xml.flush();
    }

    private List<Suite> ruleSuites(Report report) {
        Map<String, Suite> byRule = new LinkedHashMap<>();
        for (RuleDescriptor r : report.rules()) {
            // In this order in every run: Map.of's order changes from one JVM to the next.
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("severity", r.severity().id());
            properties.put("title", r.title());
            byRule.putIfAbsent(r.id(), new Suite(r.id() + " " + r.name(), "egressguard." + r.id(), properties));
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        for (Evaluation e : report.evaluations()) {
            Suite suite = suiteFor(byRule, e.ruleId(), e.ruleId());
            Case c = cases.computeIfAbsent(key(e.ruleId(), e.resourceId(), e.resourceName()), k -> {
                Case created = new Case(suite.className, e.resourceName(), e.resourceType(), e.resourceId(),
                        paths.display(e.location()));
                suite.cases.add(created);
                return created;
            });
            c.evaluated = e.outcome();
        }
        for (Finding f : report.findings()) {
            Suite suite = suiteFor(byRule, f.ruleId(), f.ruleId() + " " + (f.ruleName() == null ? "" : f.ruleName()));
            Case c = cases.computeIfAbsent(key(f.ruleId(), f.resourceId(), f.resourceName()), k -> {
                Case created = new Case(suite.className, f.resourceName(), f.resourceType(), f.resourceId(),
                        paths.display(f.location()));
                suite.cases.add(created);
                return created;
            });
            c.findings.add(f);
        }
        byRule.values().forEach(Suite::disambiguate);
        return new ArrayList<>(byRule.values());
    }

    private static Suite suiteFor(Map<String, Suite> byRule, String ruleId, String name) {
        return byRule.computeIfAbsent(ruleId, id -> new Suite(name.strip(), "egressguard." + id, Map.of()));
    }

    private static String key(String ruleId, String resourceId, String resourceName) {
        String resource = resourceId == null || resourceId.isEmpty() ? "name:" + resourceName : resourceId;
        return (ruleId + "|" + resource).toLowerCase(Locale.ROOT);
    }

    private Suite inputSuite(Report report) {
        Suite suite = new Suite(INPUTS_SUITE, "egressguard.inputs", Map.of());
        Map<String, Case> byFile = new LinkedHashMap<>();
        for (String input : report.inputs()) {
            String shown = paths.display(input);
            byFile.computeIfAbsent(shown, k -> new Case(suite.className, shown, "", "", shown));
        }
        for (Diagnostic d : report.diagnostics()) {
            String shown = d.location().isKnown() ? paths.display(d.location()) : "(run)";
            byFile.computeIfAbsent(shown, k -> new Case(suite.className, shown, "", "", d.location().isKnown() ? shown : ""))
                    .diagnostics.add(d);
        }
        suite.cases.addAll(byFile.values());
        return suite;
    }

    private void writeSuite(XmlWriter xml, Suite s) throws IOException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", XmlText.clean(s.name));
        writeCounts(xml, s.cases);
        if (!s.properties.isEmpty()) {
            nl(xml, 2);
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> p : s.properties.entrySet()) {
                nl(xml, 3);
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", p.getKey());
                xml.writeAttribute("value", XmlText.clean(p.getValue()));
            }
            nl(xml, 2);
            xml.writeEndElement();
        }
        for (Case c : s.cases) {
            nl(xml, 2);
            writeCase(xml, c);
        }
        nl(xml, 1);
        xml.writeEndElement();
    }

    private void writeCase(XmlWriter xml, Case c) throws IOException {
        Verdict v = verdict(c);
        String systemOut = systemOut(c);
        boolean empty = v.element == null && systemOut.isEmpty();
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", c.className);
        xml.writeAttribute("name", XmlText.clean(c.displayName));
        if (!c.file.isEmpty()) {
            xml.writeAttribute("file", XmlText.clean(c.file));
        }
        xml.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        if (v.element != null) {
            nl(xml, 3);
            xml.writeStartElement(v.element);
            xml.writeAttribute("message", XmlText.clean(v.message));
            if (v.type != null) {
                xml.writeAttribute("type", v.type);
            }
            if (!v.detail.isEmpty()) {
                xml.writeCharacters(XmlText.clean(v.detail));
            }
            xml.writeEndElement();
        }
        if (!systemOut.isEmpty()) {
            nl(xml, 3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(XmlText.clean(systemOut));
            xml.writeEndElement();
        }
        nl(xml, 2);
        xml.writeEndElement();
    }

    /** What a test case shows: the worst of its active findings, else its suppressions, else a pass. */
    private Verdict verdict(Case c) {
        List<Diagnostic> errors = c.diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
        if (!errors.isEmpty()) {
            return new Verdict("error", errors.get(0).message(), "input", joinDiagnostics(errors));
        }
        List<Finding> fails = active(c, Outcome.FAIL);
        if (!fails.isEmpty()) {
            return new Verdict("failure", fails.get(0).message(), fails.get(0).severity().id(), joinFindings(fails));
        }
        List<Finding> unknowns = active(c, Outcome.UNKNOWN);
        if (!unknowns.isEmpty()) {
            String message = "unknown: " + unknowns.get(0).message();
            return unknownAsFailure
                    ? new Verdict("failure", message, "unknown", joinFindings(unknowns))
                    : new Verdict("skipped", message, null, "");
        }
        List<Finding> suppressed = c.findings.stream().filter(Finding::isSuppressed).toList();
        if (!suppressed.isEmpty()) {
            Finding.Suppression s = suppressed.get(0).suppression();
            return new Verdict("skipped", "suppressed (" + s.kind().name().toLowerCase(Locale.ROOT) + "): "
                    + s.justification(), null, "");
        }
        if (c.evaluated == Outcome.FAIL || c.evaluated == Outcome.UNKNOWN) {
            // An evaluation without its finding: say so rather than show a pass.
            return new Verdict(c.evaluated == Outcome.FAIL || unknownAsFailure ? "failure" : "skipped",
                    c.evaluated.name().toLowerCase(Locale.ROOT), null, "");
        }
        return new Verdict(null, "", null, "");
    }

    private static List<Finding> active(Case c, Outcome outcome) {
        return c.findings.stream().filter(f -> !f.isSuppressed() && f.outcome() == outcome).toList();
    }

    private String joinFindings(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            String where = paths.where(f.location());
            sb.append(where.isEmpty() ? "" : where + ": ").append(f.message());
            if (!f.resourceId().isEmpty()) {
                sb.append("\nResource: ").append(f.resourceId());
            }
            if (!f.path().isEmpty()) {
                sb.append("\nProperty: ").append(f.path());
            }
            if (!f.remediation().isBlank()) {
                sb.append("\nRemediation: ").append(f.remediation());
            }
            if (f.portalLink() != null && !f.portalLink().isBlank()) {
                sb.append("\nPortal: ").append(f.portalLink());
            }
        }
        return sb.toString();
    }

    private String joinDiagnostics(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(d.line(paths.where(d.location())));
        }
        return sb.toString();
    }

    /** Warnings and notes about an input do not fail its test case but are shown with it. */
    private String systemOut(Case c) {
        return joinDiagnostics(c.diagnostics.stream().filter(d -> d.level() != Diagnostic.Level.ERROR).toList());
    }

    private void writeCounts(XmlWriter xml, List<Case> cases) throws IOException {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Case c : cases) {
            String element = verdict(c).element;
            if ("failure".equals(element)) {
                failures++;
            } else if ("error".equals(element)) {
                errors++;
            } else if ("skipped".equals(element)) {
                skipped++;
            }
        }
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", "0");
    }

    private static void nl(XmlWriter xml, int depth) throws IOException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private record Verdict(String element, String message, String type, String detail) {
    }

    private static final class Suite {
        final String name;
        final String className;
        final Map<String, String> properties;
        final List<Case> cases = new ArrayList<>();

        Suite(String name, String className, Map<String, String> properties) {
            this.name = name;
            this.className = className;
            this.properties = new LinkedHashMap<>(properties);
        }

        /**
         * Test names must be unique in a suite for CI history. Same-named resources are told apart
         * by their file, then by the id below the provider; only then by a counter.
         */
        void disambiguate() {
            renameDuplicates(c -> c.displayName + (c.file.isEmpty() ? "" : " in " + c.file));
            renameDuplicates(c -> shortId(c.resourceId) + (c.file.isEmpty() ? "" : " in " + c.file));
            Map<String, Integer> seen = new HashMap<>();
            for (Case c : cases) {
                int n = seen.merge(c.displayName.toLowerCase(Locale.ROOT), 1, Integer::sum);
                if (n > 1) {
                    c.displayName = c.displayName + " #" + n;
                }
            }
        }

        private void renameDuplicates(java.util.function.Function<Case, String> longer) {
            Map<String, Integer> counts = new HashMap<>();
            cases.forEach(c -> counts.merge(c.displayName.toLowerCase(Locale.ROOT), 1, Integer::sum));
            for (Case c : cases) {
                if (counts.get(c.displayName.toLowerCase(Locale.ROOT)) > 1) {
                    c.displayName = longer.apply(c);
                }
            }
        }

        /** {@code Microsoft.Network/virtualNetworks/vnet/subnets/nodes}: the id without subscription and group. */
        private static String shortId(String id) {
            int at = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
            return at < 0 ? id : id.substring(at + "/providers/".length());
        }
    }

    private static final class Case {
        final String className;
        final String resourceId;
        final String file;
        String displayName;
        Outcome evaluated;
        final List<Finding> findings = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();

        Case(String className, String resourceName, String resourceType, String resourceId, String file) {
            this.className = className;
            this.resourceId = resourceId == null ? "" : resourceId;
            this.file = file;
            String name = resourceName == null || resourceName.isEmpty() ? this.resourceId : resourceName;
            this.displayName = resourceType == null || resourceType.isEmpty() ? name : name + " [" + resourceType + "]";
        }
    }
}
