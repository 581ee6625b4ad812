package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.Report;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs a verification in a JVM started with a small heap, so a test can tell that memory stays
 * bounded: it prints what the test asserts on, one line each, and exits 0 only if verify returned.
 */
public final class VerifyInBoundedHeap {

    private VerifyInBoundedHeap() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Report report = EgressGuard.builder().projectRoot(root).builtInRules(false)
                .ruleSources(List.of(root.resolve("rules/control.yaml"))).build().verify(List.of(root));
        report.diagnostics().forEach(d -> System.out.println("DIAGNOSTIC " + d.level() + " " + d.location()
                + " " + d.message().replace('\n', ' ')));
        report.evaluations().forEach(e -> System.out.println("EVALUATED " + e.resourceName()));
        System.out.println("HEAP-MAX-MB " + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
