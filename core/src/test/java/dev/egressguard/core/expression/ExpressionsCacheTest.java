package dev.egressguard.core.expression;

import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsed expressions are kept and handed out again; what is kept never changes what a string means. */
class ExpressionsCacheTest {

    @Test
    void aStringParsedAgainGetsTheSameTree() {
        String raw = "[concat('cache-test-', parameters('p'))]";
        Expr first = Expressions.parseJsonString(raw).orElseThrow();

        assertThat(Expressions.parseJsonString(raw).orElseThrow()).isSameAs(first);
    }

    @Test
    void aStringUsedAllAlongStaysAndEveryOtherStillParsesToWhatItSays() {
        String kept = "[format('{0}', 'kept-by-use')]";
        Expr first = Expressions.parseJsonString(kept).orElseThrow();
        for (int i = 0; i < 20_000; i++) {
            String raw = "[add(" + i + ", 1)]";
            assertThat(Expressions.parseJsonString(raw).orElseThrow())
                    .isEqualTo(ExpressionParser.parse(raw, 1, raw.length() - 1));
            if (i % 64 == 0) {
                assertThat(Expressions.parseJsonString(kept).orElseThrow()).isSameAs(first);
            }
        }
        assertThat(Expressions.parseJsonString("[add(0, 1)]").orElseThrow()).isEqualTo(ExpressionParser.parse("[add(0, 1)]", 1, 10));
    }

    @Test
    void anInvalidExpressionIsRejectedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> Expressions.parseJsonString("[concat('a',]"))
                    .isInstanceOf(ExpressionException.class);
        }
    }
}
