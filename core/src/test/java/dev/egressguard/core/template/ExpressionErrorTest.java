package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.Test;

import static dev.egressguard.core.template.Fixtures.at;
import static dev.egressguard.core.template.Fixtures.evaluate;
import static dev.egressguard.core.template.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionErrorTest {

    private final EvaluatedTemplate t = evaluate("errors/main.json");
    private final Resource rt = resource(t, "Microsoft.Network/routeTables", "rt");

    @Test
    void aVariableCycleIsOneClearError() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).filteredOn(m -> m.contains("cycle")).containsExactly(
                "errors/main.json:9:19: error: invalid expression: variables refer to each other in a cycle: a -> b -> a");
        assertThat(at(rt, "tags.cycle")).isInstanceOf(Value.Unknown.class);
    }

    @Test
    void expressionErrorsPointIntoTheExpression() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m)
                .isEqualTo("errors/main.json:21:30: error: invalid expression: The template function 'noSuchFunction' is not valid"));
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m)
                .startsWith("errors/main.json:20:33: error: invalid expression:"));
    }

    @Test
    void copyIndexOutsideALoopAndUtcNowOutsideADefaultAreErrors() {
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m)
                .isEqualTo("errors/main.json:22:26: error: invalid expression: copyIndex() is used outside a copy loop"));
        assertThat(Fixtures.messages(t, Diagnostic.Level.ERROR)).anySatisfy(m -> assertThat(m)
                .startsWith("errors/main.json:10:16:").contains("can only be used in the default value of a parameter"));
    }

    @Test
    void aSecureValueIsNeverPrinted() {
        assertThat(t.diagnostics()).isNotEmpty().noneMatch(d -> d.message().contains("hunter2"));
        assertThat(t.diagnostics()).anyMatch(d -> d.location().line() == 24 && d.message().contains("<secure>"));
    }

    @Test
    void aDoubledBracketIsALiteral() {
        assertThat(at(rt, "tags.literal")).isEqualTo(Value.of("[not an expression]"));
    }
}
