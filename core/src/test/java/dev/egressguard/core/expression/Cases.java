package dev.egressguard.core.expression;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds (expression, expected JSON) rows for parameterized conformance tests. */
final class Cases {

    private Cases() {
    }

    static Stream<Arguments> of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of expression and expected JSON");
        }
        List<Arguments> rows = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rows.add(Arguments.of(pairs[i], pairs[i + 1]));
        }
        return rows.stream();
    }
}
