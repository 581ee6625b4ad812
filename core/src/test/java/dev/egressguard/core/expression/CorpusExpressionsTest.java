package dev.egressguard.core.expression;

import dev.egressguard.core.expression.functions.StandardFunctions;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.value.ExpressionException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every expression in the shared corpus of real templates parses and evaluates without an error
 * when parameters, variables, references and deployment() are all Unknown: what Azure accepts,
 * the expression language accepts.
 */
class CorpusExpressionsTest {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** Everything a template would supply is Unknown: what remains is the expression language itself. */
    private static final class OpaqueScope extends TestScope {
        @Override
        public Value parameter(String name) {
            return Value.unknown("parameter " + name, SourceLocation.NONE);
        }

        @Override
        public Value variable(String name) {
            return Value.unknown("variable " + name, SourceLocation.NONE);
        }

        @Override
        public long copyIndex(String loop) {
            return 0;
        }

        @Override
        public Value callUserFunction(String namespace, String member, List<Value> args, SourceLocation at) {
            return Value.unknown("user function", at);
        }

        @Override
        public Value deployment() {
            return Value.unknown("deployment()", SourceLocation.NONE);
        }

        @Override
        public boolean inParameterDefault() {
            return true;
        }

        @Override
        public FunctionLibrary functions() {
            return StandardFunctions.library();
        }
    }

    @Test
    void everyCorpusExpressionParsesAndEvaluates() throws IOException {
        String dir = System.getProperty("egress.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "corpus")), "shared corpus not present");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(dir, "corpus"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        List<String> expressions = new ArrayList<>();
        for (Path f : files) {
            collect(LENIENT.readTree(f.toFile()), expressions);
        }
        assertThat(expressions).hasSizeGreaterThan(1000);
        List<String> failures = new ArrayList<>();
        for (String raw : expressions) {
            try {
                Expressions.evaluateJsonString(raw, new OpaqueScope(), SourceLocation.NONE);
            } catch (ExpressionException e) {
                failures.add(raw + "  ->  " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual() && Expressions.isExpression(node.textValue())) {
            out.add(node.textValue());
        }
        node.forEach(child -> collect(child, out));
    }
}
