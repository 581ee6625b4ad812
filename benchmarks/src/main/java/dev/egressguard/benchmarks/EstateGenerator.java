package dev.egressguard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.egressguard.benchmarks.Json.arr;
import static dev.egressguard.benchmarks.Json.obj;

/**
 * Writes synthetic estates to disk.
 *
 * <p>A sized estate ({@link #estate}) is laid out as a platform team keeps one: one main template
 * per region under {@code regions/}, each deploying up to {@value #CLUSTERS_PER_REGION} clusters
 * as inline nested deployments (inner scope, as Bicep compiles modules) and their NAT gateways
 * through a linked module ({@code templateLink.relativePath} to {@code modules/}). ARM allows 800
 * resources and 4 MB per template, so a large estate is many templates, never one huge file.
 *
 * <p>A file directory ({@link #fileDirectory}) is many standalone cluster templates side by side.
 */
final class EstateGenerator {

    static final int POOLS = 12;
    static final int AGENT_POOLS = 6;
    static final int CLUSTERS_PER_REGION = 50;
    static final int FILE_POOLS = 2;
    static final int FILE_AGENT_POOLS = 2;

    /** What was written: the templates to verify, every file a run reads, and what they expand to. */
    record Estate(Path root, List<Path> templates, List<Path> files, long bytes, int resources) {
    }

    private EstateGenerator() {
    }

    /** At least {@code resources} resources after expansion, in whole clusters. */
    static Estate estate(Path root, int resources) {
        int perCluster = ClusterTemplate.resourceCount(POOLS, AGENT_POOLS);
        int clusters = Math.max(1, (resources + perCluster - 1) / perCluster);
        List<Path> templates = new ArrayList<>();
        long bytes = Json.write(root.resolve(NatGatewayModule.PATH), NatGatewayModule.template());
        Map<String, Object> clusterTemplate = ClusterTemplate.template(POOLS, AGENT_POOLS);
        for (int first = 0, region = 0; first < clusters; first += CLUSTERS_PER_REGION, region++) {
            int count = Math.min(CLUSTERS_PER_REGION, clusters - first);
            Path main = root.resolve("regions").resolve(String.format("region-%02d", region)).resolve("main.json");
            bytes += Json.write(main, regionTemplate(region, first, count, clusterTemplate));
            templates.add(main);
        }
        return new Estate(root, templates, jsonFiles(root), bytes, clusters * perCluster);
    }

    /** {@code files} standalone cluster templates in one directory. */
    static Estate fileDirectory(Path root, int files) {
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            Path file = root.resolve(String.format("cluster-%04d.json", i));
            bytes += Json.write(file, ClusterTemplate.standalone(String.format("c%04d", i), i % 250,
                    FILE_POOLS, FILE_AGENT_POOLS));
        }
        int perFile = ClusterTemplate.resourceCount(FILE_POOLS, FILE_AGENT_POOLS);
        return new Estate(root, List.of(root), jsonFiles(root), bytes, files * perFile);
    }

    private static Map<String, Object> regionTemplate(int region, int firstCluster, int count,
                                                      Map<String, Object> clusterTemplate) {
        List<Object> resources = arr();
        for (int c = firstCluster; c < firstCluster + count; c++) {
            String cluster = String.format("r%02d-c%04d", region, c);
            String nat = cluster + "-nat";
            resources.add(obj("type", "Microsoft.Resources/deployments", "apiVersion", "2022-09-01",
                    "name", "[format('{0}-{1}', parameters('prefix'), '" + nat + "')]",
                    "properties", obj("mode", "Incremental",
                            "templateLink", obj("relativePath", "../../" + NatGatewayModule.PATH),
                            "parameters", obj("natGatewayName", obj("value", nat),
                                    "location", obj("value", "[parameters('location')]")))));
            resources.add(obj("type", "Microsoft.Resources/deployments", "apiVersion", "2022-09-01",
                    "name", "[format('{0}-{1}', parameters('prefix'), '" + cluster + "')]",
                    "dependsOn", arr("[resourceId('Microsoft.Resources/deployments', format('{0}-{1}', parameters('prefix'), '" + nat + "'))]"),
                    "properties", obj("mode", "Incremental",
                            "expressionEvaluationOptions", obj("scope", "inner"),
                            "parameters", ClusterTemplate.parameters(cluster, c % 250, nat),
                            "template", clusterTemplate)));
        }
        return obj("$schema", ClusterTemplate.SCHEMA, "contentVersion", "1.0.0.0",
                "metadata", obj("description", "Region " + region + ": clusters, node pools and their egress."),
                "parameters", obj(
                        "location", obj("type", "string", "defaultValue", "[resourceGroup().location]"),
                        "prefix", obj("type", "string", "defaultValue", "eg", "maxLength", 10)),
                "resources", resources);
    }

    static List<Path> jsonFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
