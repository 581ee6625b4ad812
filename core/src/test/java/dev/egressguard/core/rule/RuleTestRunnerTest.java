package dev.egressguard.core.rule;

import dev.egressguard.core.engine.RuleEngine;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.ruletest.RuleTestRunner;
import dev.egressguard.core.ruletest.RuleTestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule tests as users write them: rules in a folder, cases under tests/ with a template and expected.yaml. */
class RuleTestRunnerTest {

    @TempDir
    Path dir;

    private static final String RULES = RuleFiles.HEADER + """
              - id: EG001
                name: no-instance-public-ip
                severity: error
                select: {type: Microsoft.Network/networkInterfaces}
                assert:
                  field: "properties.ipConfigurations[*].properties.publicIPAddress"
                  exists: false
                message: "NIC '{name}' has a public IP ({path})."
            """;

    private static final String NIC_WITH_PIP = """
            {"resources": [
              {"type": "Microsoft.Network/networkInterfaces", "name": "nic1",
               "properties": {"ipConfigurations": [{"name": "ip", "properties": {"publicIPAddress": {"id": "x"}}}]}},
              {"type": "Microsoft.Network/networkInterfaces", "name": "nic2", "properties": {"ipConfigurations": []}}
            ]}
            """;

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private RuleTestResult run() {
        return RuleTestRunner.forDirectory(dir, false, new FakeTemplates(), RuleEngine.Options.DEFAULT);
    }

    @Test
    void passingAndFailingFixtures() throws IOException {
        write("egress.yaml", RULES);
        write("tests/fails/template.json", NIC_WITH_PIP);
        write("tests/fails/expected.yaml", "- {rule: EG001, outcome: FAIL, resource: nic1, path: 'properties.ipConfigurations[0].properties.publicIPAddress'}\n");
        write("tests/passes/main.json", "{\"resources\": [" + NIC_WITH_PIP.substring(NIC_WITH_PIP.indexOf("{\"type\"", 20)));
        write("tests/passes/expected.yaml", "none\n");

        RuleTestResult result = run();

        assertThat(result.describe()).isEqualTo("""
                PASSED fails
                PASSED passes
                2 passed, 0 failed, 0 errors
                """);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aWrongExpectationShowsTheDifference() throws IOException {
        write("egress.yaml", RULES);
        write("tests/wrong/template.json", NIC_WITH_PIP);
        write("tests/wrong/expected.yaml", """
                # the author thought nic2 was the bad one
                rules: [EG001]
                findings:
                  - rule: no-instance-public-ip
                    resource: nic2
                """);

        RuleTestResult result = run();

        assertThat(result.passed()).isFalse();
        assertThat(result.cases()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(RuleTestResult.Status.FAILED);
            assertThat(c.differences()).containsExactly(
                    "missing:    no-instance-public-ip FAIL nic2 (" + dir.resolve("tests/wrong/expected.yaml") + ":4:5)",
                    "unexpected: EG001 FAIL nic1 at properties.ipConfigurations[0].properties.publicIPAddress: "
                            + "NIC 'nic1' has a public IP (properties.ipConfigurations[0].properties.publicIPAddress).");
        });
    }

    @Test
    void inlineChildrenAreResourcesAsInARealRun() throws IOException {
        write("subnets.yaml", RuleFiles.HEADER + """
                  - id: NET1
                    name: subnets-have-nat
                    severity: error
                    select: {type: Microsoft.Network/virtualNetworks/subnets}
                    assert: {field: properties.natGateway.id, exists: true, because: "{subject} has no NAT gateway"}
                    message: "{reason}"
                """);
        write("tests/inline-subnet/template.json", """
                {"resources": [
                  {"type": "Microsoft.Network/virtualNetworks", "name": "vnet",
                   "properties": {"subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}}]}}
                ]}
                """);
        write("tests/inline-subnet/expected.yaml", """
                - rule: NET1
                  resource: virtualNetworks/vnet/subnets/nodes
                  path: /properties/natGateway/id
                  message: subnet 'nodes' of vnet 'vnet' has no NAT gateway
                """);

        RuleTestResult result = run();

        assertThat(result.describe()).isEqualTo("""
                PASSED inline-subnet
                1 passed, 0 failed, 0 errors
                """);
    }

    @Test
    void brokenCasesAreErrorsWithPositions() throws IOException {
        write("egress.yaml", RULES);
        write("tests/bad-expected/template.json", NIC_WITH_PIP);
        write("tests/bad-expected/expected.yaml", "- {rule: EG001, outcome: PASS, resource: nic1, colour: red}\n");
        write("tests/no-template/expected.yaml", "none\n");
        write("tests/no-expected/template.json", NIC_WITH_PIP);

        RuleTestResult result = run();

        assertThat(result.cases()).extracting(RuleTestResult.Case::status).containsOnly(RuleTestResult.Status.ERROR);
        assertThat(result.cases().get(0).diagnostics()).extracting(Diagnostic::toString).containsExactly(
                dir.resolve("tests/bad-expected/expected.yaml") + ":1:26: error: outcome must be FAIL or UNKNOWN (a passing fixture expects none)",
                dir.resolve("tests/bad-expected/expected.yaml") + ":1:48: error: unknown key 'colour' in an expected finding; allowed: rule, outcome, resource, path, message");
        assertThat(result.cases().get(1).diagnostics()).extracting(Diagnostic::message).containsExactly("missing expected.yaml");
        assertThat(result.cases().get(2).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("no template: put template.json (or a single *.json) in the case folder");
    }

    @Test
    void ruleFileProblemsFailTheRun() throws IOException {
        write("egress.yaml", RULES.replace("exists: false", "exist: false"));
        write("tests/a/template.json", NIC_WITH_PIP);
        write("tests/a/expected.yaml", "none\n");

        RuleTestResult result = run();

        assertThat(result.passed()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .contains("unknown key 'exist' in a condition with 'field' (did you mean 'exists'?)");
    }
}
