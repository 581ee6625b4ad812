package dev.egressguard.core.egress;

import dev.egressguard.core.expression.DeploymentContext;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.model.ResourceGraph;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.template.EvaluatedTemplate;
import dev.egressguard.core.template.TemplateEvaluator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the normalised graph of a template written in a test, for the egress model's tests. */
final class EgressTemplates {

    private EgressTemplates() {
    }

    /** {@code resources}: the template's resources array, as JSON text. */
    static ResourceGraph graph(Path dir, String resources) {
        String template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": " + resources + "}";
        try {
            Path file = Files.writeString(dir.resolve("template.json"), template);
            EvaluatedTemplate t = TemplateEvaluator.evaluate(file, Optional.empty(), DeploymentContext.DEFAULT, dir);
            assertThat(t.diagnostics()).noneMatch(d -> d.level() == Diagnostic.Level.ERROR);
            return ResourceGraph.normalized(t.resources());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view of the resource named by the last segments of its id ({@code vnet/subnets/workers}). */
    static EgressView view(EgressModel model, ResourceGraph graph, String idSuffix) {
        Resource r = graph.resources().stream().filter(x -> x.id().toString().toLowerCase().endsWith(idSuffix.toLowerCase()))
                .findFirst().orElseThrow(() -> new AssertionError("no resource " + idSuffix));
        return model.viewOf(r).orElseThrow(() -> new AssertionError("no egress view of " + idSuffix));
    }

    static String pip(String name, String sku) {
        return "{\"type\": \"Microsoft.Network/publicIPAddresses\", \"apiVersion\": \"2025-05-01\", \"name\": \"" + name
                + "\", \"location\": \"westeurope\", \"sku\": {\"name\": \"" + sku + "\"}, \"properties\": {\"publicIPAllocationMethod\": \"Static\"}}";
    }

    static String nic(String name, String vnet, String subnet) {
        return "{\"type\": \"Microsoft.Network/networkInterfaces\", \"apiVersion\": \"2025-05-01\", \"name\": \"" + name
                + "\", \"location\": \"westeurope\", \"properties\": {\"ipConfigurations\": [{\"name\": \"ipconfig1\", \"properties\": {"
                + "\"subnet\": {\"id\": \"[resourceId('Microsoft.Network/virtualNetworks/subnets', '" + vnet + "', '" + subnet + "')]\"}}}]}}";
    }

    static String id(String type, String name) {
        return "{\"id\": \"[resourceId('" + type + "', '" + name + "')]\"}";
    }
}
