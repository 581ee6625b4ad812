package dev.egressguard.core.template;

import dev.egressguard.core.source.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates Azure would reject in odd ways: each is a diagnostic that names the problem, never a crash. */
class RobustnessTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "\"resources\": 5",
            "\"resources\": [5]",
            "\"resources\": [{\"name\": \"x\"}]",
            "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": 7}]",
            "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"x\", \"copy\": {\"name\": \"c\", \"count\": \"many\"}}]",
            "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"x\", \"copy\": {\"name\": \"c\", \"count\": -1}}]",
            "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"x\", \"condition\": \"maybe\"}]",
            "\"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"name\": \"d\", \"properties\": {}}]",
            "\"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"name\": \"d\", \"properties\": {\"template\": 3}}]",
            "\"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"name\": \"d\", \"properties\": {\"templateLink\": {\"relativePath\": \"missing.json\"}}}]",
            "\"parameters\": {\"p\": {\"type\": \"int\", \"defaultValue\": \"[parameters('p')]\"}}, \"resources\": []",
            "\"parameters\": 3, \"variables\": [], \"functions\": {}, \"resources\": []",
            "\"functions\": [{\"namespace\": \"n\", \"members\": {\"f\": {\"parameters\": []}}}], \"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"[n.f()]\"}]",
            "\"outputs\": {\"o\": {\"type\": \"array\", \"copy\": {\"count\": 900, \"input\": 1}}}, \"resources\": []",
            "\"resources\": [{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"x\", \"properties\": {\"copy\": [{\"name\": \"routes\", \"count\": \"[length(variables('nope'))]\", \"input\": {}}]}}]",
    })
    void oddTemplatesGiveDiagnosticsNotExceptions(String body) {
        EvaluatedTemplate t = Inline.evaluate(dir, "{\"$schema\": \"" + Inline.SCHEMA + "\", " + body + "}");

        assertThat(t.diagnostics()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.location().file()).isEqualTo("main.json"))
                .noneMatch(d -> d.message().contains("internal"))
                .anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }
}
