package dev.egressguard.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.ruletest.TemplateResources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the template evaluator in the runner's own tests: reads the {@code resources}
 * of an ARM-shaped JSON file with literal (expression-free) types and names.
 */
final class FakeTemplates implements TemplateResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Result evaluate(Path template, java.util.Optional<Path> parameters) {
        try {
            JsonNode root = JSON.readTree(template.toFile());
            List<Resource> out = new ArrayList<>();
            for (JsonNode r : root.path("resources")) {
                String[] type = r.get("type").asText().split("/");
                String[] names = r.get("name").asText().split("/");
                StringBuilder rel = new StringBuilder(type[0]);
                for (int i = 1; i < type.length; i++) {
                    rel.append('/').append(type[i]).append('/').append(names[i - 1]);
                }
                out.add(Resources.resource(rel.toString(), JSON.writeValueAsString(r)));
            }
            return new Result(out, List.of());
        } catch (IOException e) {
            return new Result(List.of(), List.of(Diagnostic.error(SourceLocation.of(template.toString()), e.getMessage())));
        }
    }
}
