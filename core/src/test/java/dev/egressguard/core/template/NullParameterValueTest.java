package dev.egressguard.core.template;

import dev.egressguard.core.expression.Value;
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
}
