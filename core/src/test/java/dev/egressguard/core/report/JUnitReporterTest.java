package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.finding.Outcome;
import dev.egressguard.core.finding.Severity;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static dev.egressguard.core.report.SampleReports.BASE;
import static org.assertj.core.api.Assertions.assertThat;

class JUnitReporterTest {

    private static Document parse(Report report, boolean unknownAsFailure) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitReporter(new DisplayPaths(BASE), unknownAsFailure).write(report, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
    }

    @Test
    void oneSuitePerRuleOneCasePerEvaluatedResource() throws Exception {
        Document doc = parse(SampleReports.cluster(), false);
        Element root = doc.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("0");
        List<String> suites = new ArrayList<>();
        NodeList list = root.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++) {
            Element s = (Element) list.item(i);
            suites.add(s.getAttribute("name") + " tests=" + s.getAttribute("tests"));
        }
        assertThat(suites).containsExactly("EG001 no-instance-public-ip tests=2", "EG002 nat-gateway-on-node-subnets tests=2",
                "EG003 aks-outbound-type tests=1", "inputs tests=2");
    }

    @Test
    void aRulesPropertiesComeInOneOrderSoThatTheFileIsTheSameFromRunToRun() throws Exception {
        Element suite = (Element) parse(SampleReports.cluster(), false).getElementsByTagName("testsuite").item(0);
        NodeList properties = suite.getElementsByTagName("property");

        assertThat(properties.getLength()).isEqualTo(2);
        assertThat(((Element) properties.item(0)).getAttribute("name")).isEqualTo("severity");
        assertThat(((Element) properties.item(1)).getAttribute("name")).isEqualTo("title");
    }

    @Test
    void failIsAFailureUnknownAndSuppressedAreSkipped() throws Exception {
        Document doc = parse(SampleReports.cluster(), false);

        Element nodes = testcase(doc, "nodes [Microsoft.Network/virtualNetworks/subnets]");
        assertThat(nodes.getAttribute("classname")).isEqualTo("egressguard.EG002");
        assertThat(nodes.getAttribute("file")).isEqualTo("infra/network.json");
        Element failure = child(nodes, "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway");
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getTextContent()).contains("infra/network.json:12:5: subnet 'nodes'")
                .contains("Resource: " + SampleReports.SUBNET_ID).contains("Remediation: Attach a NAT gateway");

        Element pods = testcase(doc, "pods [Microsoft.Network/virtualNetworks/subnets]");
        assertThat(child(pods, "skipped").getAttribute("message")).startsWith("unknown: subnet 'pods'");
        assertThat(child(pods, "failure")).isNull();

        Element workers = testcase(doc, "workers [Microsoft.Compute/virtualMachineScaleSets]");
        assertThat(child(workers, "skipped").getAttribute("message"))
                .isEqualTo("suppressed (inline): Bastion pool, approved in SEC-42");

        Element aksPass = testcase(doc, "aks [Microsoft.ContainerService/managedClusters]");
        assertThat(aksPass.getChildNodes().getLength()).isZero();
    }

    @Test
    void unknownBecomesAFailureWhenTheBuildFailsOnUnknowns() throws Exception {
        Document doc = parse(SampleReports.cluster(), true);

        Element failure = child(testcase(doc, "pods [Microsoft.Network/virtualNetworks/subnets]"), "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("unknown");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void unreadableInputsAreErrorsAndWarningsGoToSystemOut() throws Exception {
        Document doc = parse(new Report(List.of(), List.of(), List.of(
                Diagnostic.error(new SourceLocation(SampleReports.NETWORK, 4, 2), "unexpected end of JSON"),
                Diagnostic.warning(new SourceLocation(SampleReports.MAIN, 3, 17), "parameter without value")),
                List.of(), List.of(SampleReports.MAIN, SampleReports.NETWORK)), false);

        Element network = testcase(doc, "infra/network.json");
        assertThat(network.getAttribute("classname")).isEqualTo("egressguard.inputs");
        assertThat(child(network, "error").getTextContent()).isEqualTo("infra/network.json:4:2: error: unexpected end of JSON");
        assertThat(child(testcase(doc, "infra/main.json"), "system-out").getTextContent())
                .isEqualTo("infra/main.json:3:17: warning: parameter without value");
        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void markupAndControlCharactersInTemplateTextStayWellFormed() throws Exception {
        String nasty = "a <b>&\"c\" ]]> \u0001\u0007 'd'";
        Finding f = new Finding("EG002", "n", Severity.ERROR, Outcome.FAIL, "T", "/x/" + nasty, nasty,
                new SourceLocation(SampleReports.MAIN, 1, 1), "", nasty, nasty, null, null);
        Document doc = parse(new Report(List.of(f), List.of(), List.of(), List.of(), List.of()), false);

        Element c = testcase(doc, "a <b>&\"c\" ]]>  'd' [T]");
        assertThat(child(c, "failure").getAttribute("message")).isEqualTo("a <b>&\"c\" ]]>  'd'");
    }

    @Test
    void sameNamedResourcesAreToldApartByFileThenByIdBelowTheProvider() throws Exception {
        String otherVnet = SampleReports.RG + "Microsoft.Network/virtualNetworks/other-vnet/subnets/nodes";
        String elsewhere = SampleReports.RG + "Microsoft.Network/virtualNetworks/far-vnet/subnets/nodes";
        SourceLocation network = new SourceLocation(SampleReports.NETWORK, 1, 1);
        Report report = new Report(List.of(), List.of(
                SampleReports.pass("EG002", SampleReports.SUBNET_ID, "nodes", "T", network),
                SampleReports.pass("EG002", otherVnet, "nodes", "T", network),
                SampleReports.pass("EG002", elsewhere, "nodes", "T", new SourceLocation(SampleReports.MAIN, 1, 1)),
                SampleReports.pass("EG002", SampleReports.AKS_ID, "aks", "T", network)), List.of(), List.of(), List.of());
        Document doc = parse(report, false);

        List<String> names = new ArrayList<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly(
                "Microsoft.Network/virtualNetworks/cluster-vnet/subnets/nodes in infra/network.json",
                "Microsoft.Network/virtualNetworks/other-vnet/subnets/nodes in infra/network.json",
                "nodes [T] in infra/main.json",
                "aks [T]");
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no testcase named " + name);
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }
}
