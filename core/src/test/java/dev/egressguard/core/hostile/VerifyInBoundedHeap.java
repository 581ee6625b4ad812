package dev.egressguard.core.hostile;

import dev.egressguard.core.EgressGuard;
import dev.egressguard.core.report.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a verification in a JVM started with a small heap, so a test can tell that memory stays
 * bounded: it prints what the test asserts on, one line each, and exits 0 only if verify returned.
 * After the project root: {@code --rules=FILE} (besides the control rule), {@code --baseline=FILE}.
 */
public final class VerifyInBoundedHeap {

    private VerifyInBoundedHeap() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        List<Path> rules = new ArrayList<>(List.of(root.resolve("rules/control.yaml")));
        EgressGuard.Builder builder = EgressGuard.builder().projectRoot(root).builtInRules(false);
        for (String option : List.of(args).subList(1, args.length)) {
            if (option.startsWith("--rules=")) {
                rules.add(Path.of(option.substring("--rules=".length())));
            } else if (option.startsWith("--baseline=")) {
                builder.baseline(Path.of(option.substring("--baseline=".length())));
            }
        }
        Report report = builder.ruleSources(rules).build().verify(List.of(root));
        report.diagnostics().forEach(d -> System.out.println("DIAGNOSTIC " + d.level() + " " + d.location()
                + " " + d.message().replace('\n', ' ')));
        report.evaluations().forEach(e -> System.out.println("EVALUATED " + e.resourceName()));
        System.out.println("HEAP-MAX-MB " + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
