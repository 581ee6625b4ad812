package dev.egressguard.core.hostile;

import dev.egressguard.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.egressguard.core.hostile.HostileProject.assertControlChecked;
import static dev.egressguard.core.hostile.HostileProject.assertErrorNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Well-formed JSON whose evaluation would never end or would fill the heap if taken literally:
 * loops over ARM's limits, recursion, huge widths, exponential variables, deep expressions and
 * templates that link themselves. Each is an error naming the file; the control is still checked.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunawayEvaluationTest {

    @TempDir
    Path dir;

    /** A vnet whose address prefix is {@code expression}: where each hostile value is written. */
    private static String vnetWith(String expression) {
        return """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                    "location": "westeurope",
                    "properties": { "addressSpace": { "addressPrefixes": [ "%s" ] } } } ]
                """.formatted(expression.replace("\"", "\\\""));
    }

    @ParameterizedTest(name = "resource copy count {0}")
    @ValueSource(strings = {"801", "100000", "2147483647", "[int('9999999999')]", "-1"})
    void resourceCopyCountOverTheLimit(String count) {
        HostileProject project = new HostileProject(dir);
        String countJson = count.startsWith("[") ? "\"" + count + "\"" : count;
        project.template("loop.json", """
                [ { "type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-09-01",
                    "name": "[format('pip-{0}', copyIndex())]", "location": "westeurope",
                    "copy": { "name": "ips", "count": %s } } ]
                """.formatted(countJson));

        Report report = project.verify();

        assertErrorNames(report, "loop.json");
        assertControlChecked(report);
    }

    @Test
    void propertyCopyCountOverTheLimit() {
        HostileProject project = new HostileProject(dir);
        project.template("subnets.json", """
                [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
                    "location": "westeurope",
                    "properties": { "copy": [ { "name": "subnets", "count": 801,
                        "input": { "name": "[format('s{0}', copyIndex('subnets'))]" } } ] } } ]
                """);

        Report report = project.verify();

        assertErrorNames(report, "subnets.json");
        assertControlChecked(report);
    }

    @Test
    void recursiveUserFunction() {
        HostileProject project = new HostileProject(dir);
        project.write("recursive.json", """
                { "$schema": "%s", "contentVersion": "1.0.0.0",
                  "functions": [ { "namespace": "eg", "members": {
                    "forever": { "parameters": [ { "name": "n", "type": "int" } ],
                                 "output": { "type": "int", "value": "[eg.forever(add(parameters('n'), 1))]" } },
                    "ping": { "parameters": [ { "name": "s", "type": "string" } ],
                              "output": { "type": "string", "value": "[eg.pong(parameters('s'))]" } },
                    "pong": { "parameters": [ { "name": "s", "type": "string" } ],
                              "output": { "type": "string", "value": "[eg.ping(parameters('s'))]" } } } } ],
                  "resources": %s }
                """.formatted(HostileProject.SCHEMA, vnetWith("[format('10.{0}.0.0/16', eg.forever(0), eg.ping('x'))]")));

        Report report = project.verify();

        assertErrorNames(report, "recursive.json");
        assertControlChecked(report);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "[padLeft('10.0.0.0/16', 2000000000, '0')]",
            "[padLeft('10.0.0.0/16', 2147483647)]",
            "[format('{0,2000000000}', '10.0.0.0/16')]",
            "[format('{0,-2000000000}', '10.0.0.0/16')]",
            "[string(range(0, 2000000000))]",
            "[join(range(0, 2000000000), ',')]"})
    void hugeWidthsAndLengths(String expression) {
        HostileProject project = new HostileProject(dir);
        project.template("wide.json", vnetWith(expression));

        Report report = project.verify();

        assertErrorNames(report, "wide.json");
        assertControlChecked(report);
        assertThat(report.diagnostics()).allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(2_000));
    }

    @Test
    void variablesThatDoubleEachOther() {
        HostileProject project = new HostileProject(dir);
        // v64 would be 2^64 characters: the "billion laughs" of ARM variables.
        String variables = IntStream.rangeClosed(1, 64)
                .mapToObj(i -> "\"v%d\": \"[concat(variables('v%d'), variables('v%d'))]\"".formatted(i, i - 1, i - 1))
                .collect(Collectors.joining(",\n", "{ \"v0\": \"laugh\",\n", " }"));
        project.write("laughs.json", """
                { "$schema": "%s", "contentVersion": "1.0.0.0", "variables": %s, "resources": %s }
                """.formatted(HostileProject.SCHEMA, variables, vnetWith("[variables('v64')]")));

        Report report = project.verify();

        assertErrorNames(report, "laughs.json");
        assertControlChecked(report);
    }

    @Test
    void tenThousandDeepExpression() {
        HostileProject project = new HostileProject(dir);
        String deep = "[" + "concat(".repeat(10_000) + "'10.0.0.0/16'" + ")".repeat(10_000) + "]";
        project.template("deepexpr.json", vnetWith(deep));

        Report report = project.verify();

        assertErrorNames(report, "deepexpr.json");
        assertControlChecked(report);
    }

    @Test
    void variablesThatReferToEachOther() {
        HostileProject project = new HostileProject(dir);
        project.write("cycle.json", """
                { "$schema": "%s", "contentVersion": "1.0.0.0",
                  "variables": { "a": "[variables('b')]", "b": "[concat(variables('a'), '/16')]" },
                  "resources": %s }
                """.formatted(HostileProject.SCHEMA, vnetWith("[variables('a')]")));

        Report report = project.verify();

        assertErrorNames(report, "cycle.json");
        assertControlChecked(report);
    }

    @Test
    void templateThatLinksItself() {
        HostileProject project = new HostileProject(dir);
        project.template("self.json", """
                [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "again",
                    "properties": { "mode": "Incremental", "templateLink": { "relativePath": "self.json" } } } ]
                """);

        Report report = project.verify();

        assertErrorNames(report, "self.json");
        assertControlChecked(report);
    }

    @Test
    void templatesThatLinkEachOther() {
        HostileProject project = new HostileProject(dir);
        String link = """
                [ { "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "next",
                    "properties": { "mode": "Incremental", "templateLink": { "relativePath": "%s" } } } ]
                """;
        project.template("ping.json", link.formatted("modules/pong.json"));
        project.template("modules/pong.json", link.formatted("../ping.json"));

        Report report = project.verify();

        // A ring has no parent outside it: the first of it in the order found (modules/ sorts first)
        // is checked on its own, and the other through it.
        assertErrorNames(report, "pong.json");
        assertThat(report.diagnostics()).anySatisfy(d -> assertThat(d.message())
                .startsWith("ping.json is checked as linked by modules/pong.json:"));
        assertControlChecked(report);
    }
}
