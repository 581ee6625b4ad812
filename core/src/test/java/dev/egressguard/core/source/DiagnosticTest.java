package dev.egressguard.core.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticTest {

    @Test
    void aLineIsWhereLevelAndMessage() {
        Diagnostic d = Diagnostic.warning(new SourceLocation("main.json", 3, 7), "odd");
        assertThat(d.line("infra/main.json:3:7")).isEqualTo("infra/main.json:3:7: warning: odd");
        assertThat(d.line("")).isEqualTo("warning: odd");
        assertThat(Diagnostic.line("f", Diagnostic.Level.ERROR, "m")).isEqualTo("f: error: m");
        assertThat(d).hasToString("main.json:3:7: warning: odd");
        assertThat(Diagnostic.error(SourceLocation.of(""), "m")).hasToString("error: m");
    }
}
