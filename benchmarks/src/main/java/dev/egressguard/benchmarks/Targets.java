package dev.egressguard.benchmarks;

import java.util.List;
import java.util.Optional;

/** The figures side by side, and where each target of the issue stands. */
final class Targets {

    static final double PARSE_RATIO = 3.0;
    static final double SCALING = 11.0;
    static final double BOTH_CORES = 1.5;

    private Targets() {
    }

    static void print(List<BenchmarkMain.Row> rows, String xmx) {
        System.out.printf("%n%-14s %9s %6s %9s %9s %7s %9s %9s %8s %10s %9s %s%n", "run", "resources", "MB",
                "parse ms", "verify ms", "ratio", "peak MB", "live MB", "cpu/wall", "evaluated", "findings", "error");
        for (BenchmarkMain.Row r : rows) {
            double ratio = r.number("verifyMs") / r.number("parseMs");
            System.out.printf("%-14s %,9d %6.1f %9s %9s %7.1f %9s %9s %8s %10s %9s %s%n", r.name(), r.estate().resources(),
                    r.estate().bytes() / 1e6, r.result().get("parseMs"), r.result().get("verifyMs"), ratio,
                    r.result().get("peakHeapMb"), r.result().get("liveAfterGcMb"), r.result().get("cpuPerWall"),
                    r.result().get("resourcesEvaluated"), r.result().get("fail") + "F/" + r.result().get("unknown") + "U",
                    r.result().getOrDefault("error", ""));
        }
        System.out.println();
        System.out.println("Targets:");
        for (BenchmarkMain.Row r : rows) {
            if (r.name().startsWith("estate")) {
                double ratio = r.number("verifyMs") / r.number("parseMs");
                verdict(String.format("%s: verify within %.0fx the Jackson parse (%.1fx)", r.name(), PARSE_RATIO, ratio),
                        ratio <= PARSE_RATIO);
            }
        }
        Optional<BenchmarkMain.Row> small = find(rows, "estate 10000");
        Optional<BenchmarkMain.Row> large = find(rows, "estate 100000");
        if (small.isPresent() && large.isPresent()) {
            double scaling = large.get().number("verifyMs") / small.get().number("verifyMs");
            verdict(String.format("100k no more than %.0fx the 10k time (%.1fx)", SCALING, scaling), scaling <= SCALING);
        }
        large.ifPresent(r -> verdict(String.format("100k within -Xmx%s (%s)", xmx,
                r.result().containsKey("error") ? r.result().get("error") : "peak " + r.result().get("peakHeapMb") + " MB"),
                !r.result().containsKey("error")));
        rows.stream().filter(r -> r.name().endsWith("files")).findFirst().ifPresent(r -> verdict(
                String.format("%s use both cores (cpu/wall %s, needs >= %.1f)", r.name(), r.result().get("cpuPerWall"),
                        BOTH_CORES), r.number("cpuPerWall") >= BOTH_CORES));
    }

    private static Optional<BenchmarkMain.Row> find(List<BenchmarkMain.Row> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static void verdict(String what, boolean met) {
        System.out.printf("  %-7s %s%n", met ? "MET" : "MISSED", what);
    }
}
