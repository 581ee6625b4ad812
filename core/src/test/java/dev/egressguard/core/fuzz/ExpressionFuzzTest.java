package dev.egressguard.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egressguard.core.expression.EvaluationBudget;
import dev.egressguard.core.expression.Evaluator;
import dev.egressguard.core.expression.Expr;
import dev.egressguard.core.value.ExpressionException;
import dev.egressguard.core.expression.Expressions;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            expr = Expressions.parse(text);
        } catch (ExpressionException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(expr).isNotNull();
        try {
            Value value = new Evaluator(new FixedScope(new EvaluationBudget(FUZZ_STEPS, FUZZ_VALUES, "fuzz.json")), AT)
                    .evaluate(expr);
            assertThat(value).isNotNull();
            assertThat(value.typeName()).isNotBlank();
        } catch (ExpressionException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } catch (EvaluationBudget.Exhausted spent) {
            // The file's budget (lambdas in lambdas, growing accumulators): an error on the file.
            assertThat(spent.getMessage()).startsWith("evaluation of fuzz.json stopped here");
        }
    }

    /**
     * A smaller budget than a template file's, so that each execution stays fast while the
     * fuzzer still reaches the point where it runs out.
     */
    private static final long FUZZ_STEPS = 200_000;
    private static final long FUZZ_VALUES = 2_000_000;

    /** Issue 13, case 4: a reduce inside a reduce ran 40 s before the budget. */
    @Test
    void lambdasNestedInLambdasSpendTheBudget() {
        Evaluator evaluator = new Evaluator(new FixedScope(new EvaluationBudget(FUZZ_STEPS, FUZZ_VALUES, "fuzz.json")), AT);

        assertThatThrownBy(() -> evaluator.evaluate(Expressions.parse("reduce(range(0,10000), 0, lambda('a','b', "
                + "reduce(range(0,10000), lambdaVariables('a'), lambda('c','d', add(lambdaVariables('c'), 1)))))")))
                .isInstanceOf(EvaluationBudget.Exhausted.class)
                .hasMessageContaining("more than 200,000 evaluation steps");
    }

    /** Found by the fuzzer (seed map-of-ranges): 100 million values out of a 1 GB heap. */
    @Test
    void aLambdaFunctionBuildsAtMostAMillionValuesInAll() {
        Evaluator evaluator = new Evaluator(new FixedScope(), AT);

        assertThatThrownBy(() -> evaluator.evaluate(Expressions.parse(
                "map(range(0, 10000), lambda('x', range(0, 10000)))")))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'map' would build more than 1000000 values");
        assertThatThrownBy(() -> evaluator.evaluate(Expressions.parse(
                "mapValues(toObject(range(0, 1000), lambda('i', string(lambdaVariables('i')))), lambda('v', range(0, 10000)))")))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'mapValues' would build more than 1000000 values");
        assertThat(evaluator.evaluate(Expressions.parse("map(range(0, 100), lambda('x', range(0, 100)))")))
                .isInstanceOfSatisfying(Value.Arr.class, a -> assertThat(a.size()).isEqualTo(100));
    }
}
