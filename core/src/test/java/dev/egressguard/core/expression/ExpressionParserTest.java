package dev.egressguard.core.expression;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

    @Test
    void parsesNestedCallsWithStringsAndIntegers() {
        Expr e = Expressions.parse("concat('a', toLower('B'), string(-12))");
        assertThat(e).isEqualTo(new Expr.Call(null, "concat", List.of(
                new Expr.StringLiteral("a", 7),
                new Expr.Call(null, "toLower", List.of(new Expr.StringLiteral("B", 20)), 12),
                new Expr.Call(null, "string", List.of(new Expr.IntegerLiteral(-12, 33)), 26)), 0));
    }

    @Test
    void doubledQuotesEscapeAQuote() {
        assertThat(Expressions.parse("'it''s'")).isEqualTo(new Expr.StringLiteral("it's", 0));
        assertThat(Expressions.parse("''''")).isEqualTo(new Expr.StringLiteral("'", 0));
        assertThat(Expressions.parse("''")).isEqualTo(new Expr.StringLiteral("", 0));
    }

    @Test
    void propertyAndIndexAccessChain() {
        Expr e = Expressions.parse("reference('vnet').subnets[0]['id']");
        assertThat(e).isInstanceOf(Expr.IndexAccess.class);
        Expr.IndexAccess byName = (Expr.IndexAccess) e;
        assertThat(byName.index()).isEqualTo(new Expr.StringLiteral("id", 29));
        Expr.IndexAccess byPosition = (Expr.IndexAccess) byName.target();
        assertThat(byPosition.index()).isEqualTo(new Expr.IntegerLiteral(0, 26));
        Expr.PropertyAccess property = (Expr.PropertyAccess) byPosition.target();
        assertThat(property.name()).isEqualTo("subnets");
        assertThat(property.target()).isInstanceOf(Expr.Call.class);
    }

    @Test
    void indexMayBeAnExpression() {
        Expr e = Expressions.parse("parameters('a')[add(1, copyIndex())]");
        assertThat(((Expr.IndexAccess) e).index()).isInstanceOf(Expr.Call.class);
    }

    @Test
    void namespacedUserFunctionCall() {
        Expr e = Expressions.parse("contoso.uniqueName('x')");
        assertThat(e).isEqualTo(new Expr.Call("contoso", "uniqueName", List.of(new Expr.StringLiteral("x", 19)), 0));
        assertThat(((Expr.Call) e).displayName()).isEqualTo("contoso.uniqueName");
    }

    @Test
    void whitespaceAndNewlinesBetweenTokens() {
        Expr e = Expressions.parse("\n  concat (\n\t'a' ,\r\n  'b'\n) . length ");
        assertThat(e).isInstanceOf(Expr.PropertyAccess.class);
        assertThat(((Expr.PropertyAccess) e).name()).isEqualTo("length");
    }

    @Test
    void trueFalseAndNullAreFunctions() {
        assertThat(Expressions.parse("true()")).isEqualTo(new Expr.Call(null, "true", List.of(), 0));
        assertThatThrownBy(() -> Expressions.parse("if(true, 1, 2)"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("'true' must be followed by '('")
                .extracting(x -> ((ExpressionException) x).offset()).isEqualTo(7);
    }

    @Test
    void jsonStringOffsetsCountFromTheOpeningBracket() {
        Expr e = Expressions.parseJsonString("[concat('a')]").orElseThrow();
        assertThat(e).isEqualTo(new Expr.Call(null, "concat", List.of(new Expr.StringLiteral("a", 8)), 1));
        assertThatThrownBy(() -> Expressions.parseJsonString("[concat('a' 'b')]"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Expected ',' or ')'")
                .extracting(x -> ((ExpressionException) x).offset()).isEqualTo(12);
    }

    @Test
    void onlyBracketedStringsAreExpressions() {
        assertThat(Expressions.isExpression("[variables('a')]")).isTrue();
        assertThat(Expressions.isExpression("[[variables('a')]")).isFalse();
        assertThat(Expressions.isExpression("[not closed")).isFalse();
        assertThat(Expressions.isExpression("plain")).isFalse();
        assertThat(Expressions.literal("[[variables('a')]")).isEqualTo("[variables('a')]");
        assertThat(Expressions.literal("[not closed")).isEqualTo("[not closed");
        assertThat(Eval.eval("[[literal]")).isEqualTo(Value.of("[literal]"));
        assertThat(Eval.eval("text with [brackets]")).isEqualTo(Value.of("text with [brackets]"));
    }

    @Test
    void syntaxErrorsNameTheOffset() {
        assertError("concat('a'", "not closed with ')'", 10);
        assertError("concat('a)", "not closed with '", 7);
        assertError("concat('a'))", "after the end of the expression", 11);
        assertError("", "empty", 0);
        assertError("a.b.c()", "'a.b' must be followed by '('", 3);
        assertError("concat(,)", "Unexpected ','", 7);
        assertError("x()[1", "Expected ']'", 5);
        assertError("-", "must be followed by digits", 0);
        assertError("add(1.5, 1)", "fraction", 5);
        assertError("add(99999999999999999999, 1)", "64-bit", 4);
        assertError("f().", "property name", 4);
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        String deep = "concat(".repeat(10_000) + "'x'" + ")".repeat(10_000);
        assertThatThrownBy(() -> Expressions.parse(deep))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested deeper than " + ExpressionParser.MAX_DEPTH);
        String fine = "concat(".repeat(200) + "'x'" + ")".repeat(200);
        assertThat(Eval.eval("[" + fine + "]")).isEqualTo(Value.of("x"));
    }

    @Test
    void deepIndexChainsAreRejectedToo() {
        String deep = "a()" + "[0]".repeat(100) ;
        assertThat(Expressions.parse(deep)).isInstanceOf(Expr.IndexAccess.class);
        String nestedIndex = "a()[".repeat(5_000) + "0" + "]".repeat(5_000);
        assertThatThrownBy(() -> Expressions.parse(nestedIndex)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested deeper");
    }

    private static void assertError(String text, String message, int offset) {
        assertThatThrownBy(() -> Expressions.parse(text))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("(at offset " + offset + ")")
                .extracting(x -> ((ExpressionException) x).offset()).isEqualTo(offset);
    }
}
