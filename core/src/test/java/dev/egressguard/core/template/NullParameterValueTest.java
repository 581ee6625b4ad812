package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nested deployment passing null to a parameter, as Bicep does for every optional module
 * parameter the caller leaves out: a parameter with a default gets the default, a nullable one
 * (or one whose user-defined type is nullable) gets null, any other one is an error.
 */
class NullParameterValueTest {

    @TempDir
    Path dir;

    /** A parent deploying one inner-scope template with {@code p} set to {@code value}. */
    private EvaluatedTemplate passing(String value, String declaration, String definitions) {
        return Inline.evaluate(dir, """
                {
                  "$schema": "%1$s", "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                  "resources": {
                    "child": {
                      "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "child",
                      "properties": {
                        "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
                        "parameters": { "p": { "value": %2$s } },
                        "template": {
                          "$schema": "%1$s", "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                          "definitions": %4$s,
                          "parameters": { "p": %3$s },
                          "resources": {
                            "table": {
                              "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "rt",
                              "properties": { "seen": "[parameters('p')]" }
                            }
                          }
                        }
                      }
                    }
                  }
                }
                """.formatted(Inline.SCHEMA, value, declaration, definitions));
    }

    private static Value seen(EvaluatedTemplate t) {
        return at(resource(t, "Microsoft.Network/routeTables", "rt"), "properties.seen");
    }

    @Test
    void nullGivenToAParameterWithADefault_deploysTheDefault() {
        EvaluatedTemplate t = passing("\"[null()]\"", """
                { "type": "array", "defaultValue": ["a"], "minLength": 1 }""", "{}");

        assertThat(t.diagnostics()).isEmpty();
        assertThat(seen(t)).isEqualTo(new Value.Arr(java.util.List.of(Value.of("a"))));
    }

    @Test
    void nullGivenToANullableParameter_isNull() {
        EvaluatedTemplate t = passing("null", """
                { "type": "string", "nullable": true, "minLength": 3 }""", "{}");

        assertThat(t.diagnostics()).isEmpty();
        assertThat(seen(t)).isEqualTo(Value.Null.INSTANCE);
    }

    @Test
    void nullGivenToAParameterOfANullableUserDefinedType_isNull() {
        EvaluatedTemplate t = passing("\"[null()]\"", """
                { "$ref": "#/definitions/lockType" }""", """
                { "lockType": { "$ref": "#/definitions/lockShape" },
                  "lockShape": { "type": "object", "nullable": true } }""");

        assertThat(t.diagnostics()).isEmpty();
        assertThat(seen(t)).isEqualTo(Value.Null.INSTANCE);
    }

    @Test
    void nullGivenToARequiredParameter_isStillAnError() {
        EvaluatedTemplate t = passing("\"[null()]\"", """
                { "type": "string" }""", "{}");

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).singleElement().asString()
                .endsWith("error: parameter 'p' is declared string but its value null is Null");
    }

    @Test
    void aValueOfTheWrongTypeGivenToANullableParameter_isStillAnError() {
        EvaluatedTemplate t = passing("5", """
                { "type": "string", "nullable": true, "defaultValue": "x" }""", "{}");

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).singleElement().asString()
                .endsWith("error: parameter 'p' is declared string but its value 5 is Int");
    }

    /** The deployer gives no value: null is what Azure would use, but a real deployment may give one. */
    @Test
    void anExpressionFailingOnlyForALeftOutParameter_isAWarningNamingIt() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%s", "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                  "parameters": { "key": { "type": "object", "nullable": true } },
                  "variables": { "vaultId": "[tryGet(parameters('key'), 'vaultId')]" },
                  "resources": {
                    "table": {
                      "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "rt",
                      "properties": { "vault": "[split(variables('vaultId'), '/')[2]]", "bad": "[split(1, '/')]" }
                    }
                  }
                }
                """.formatted(Inline.SCHEMA));

        assertThat(t.diagnostics()).extracting(Object::toString).containsExactlyInAnyOrder(
                "main.json:8:34: warning: invalid expression if parameter 'key' is left out (null), as it is here: "
                        + "The template function 'split' expects a string as argument 1 but got Null null; "
                        + "give it a value to check this",
                "main.json:8:82: error: invalid expression: The template function 'split' expects a string as "
                        + "argument 1 but got Int 1");
    }

    @Test
    void aNestedDeploymentLeavingANullableParameterOut_failsForCertain() {
        EvaluatedTemplate t = Inline.evaluate(dir, """
                {
                  "$schema": "%1$s", "contentVersion": "1.0.0.0",
                  "resources": [ {
                    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "child",
                    "properties": {
                      "mode": "Incremental", "expressionEvaluationOptions": { "scope": "inner" },
                      "template": {
                        "$schema": "%1$s", "contentVersion": "1.0.0.0",
                        "parameters": { "key": { "type": "string", "nullable": true } },
                        "resources": [ {
                          "type": "Microsoft.Network/routeTables", "apiVersion": "2023-04-01", "name": "rt",
                          "properties": { "vault": "[split(parameters('key'), '/')]" }
                        } ]
                      }
                    }
                  } ]
                }
                """.formatted(Inline.SCHEMA));

        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).singleElement().asString()
                .endsWith("error: invalid expression: The template function 'split' expects a string as argument 1 "
                        + "but got Null null");
    }
}
