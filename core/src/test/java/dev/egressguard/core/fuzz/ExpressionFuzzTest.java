package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.expression.ExpressionException;
import dev.egressguard.core.expression.ExpressionParser;
import dev.egressguard.core.expression.Value;
import dev.egressguard.core.source.SourceLocation;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text a template can hold goes through the expression parser and evaluator. The only
 * failure allowed is an {@link ExpressionException} (what Azure would reject, turned into a
 * diagnostic by the template side); anything else, a StackOverflowError included, is a bug.
 * Seeds: one expression of each function family found in the shared corpus, and hostile ones.
 */
class ExpressionFuzzTest {

    private static final SourceLocation AT = new SourceLocation("fuzz.json", 1, 1);

    @FuzzTest(maxDuration = "60s")
    void parseAndEvaluate(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Expr expr;
        try {
            expr = ExpressionParser.parse(text);
        } catch (ExpressionException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(expr).isNotNull();
        try {
            Value value = new Evaluator(new FixedScope(), AT).evaluate(expr);
            assertThat(value).isNotNull();
            assertThat(value.typeName()).isNotBlank();
        } catch (ExpressionException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
