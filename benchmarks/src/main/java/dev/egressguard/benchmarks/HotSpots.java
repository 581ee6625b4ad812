package dev.egressguard.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Flight Recorder file and prints where the samples were: the methods at the top of the
 * stack (self time) and the Egress Guard methods anywhere on it (time including what they call).
 *
 * <p>Usage: {@code HotSpots <recording.jfr> [top]}
 */
public final class HotSpots {

    private static final String OWN = "dev.egressguard.";

    private HotSpots() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || !java.nio.file.Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: HotSpots RECORDING.jfr [ROWS] (a Flight Recorder file; ROWS: how many per table, 20)");
            System.exit(2);
        }
        print(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 20);
    }

    static void print(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> ownSelf = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty() || !onOwnCode(stack.getFrames())) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().filter(f -> name(f).startsWith(OWN)).findFirst()
                    .ifPresent(f -> ownSelf.merge(name(f), 1, Integer::sum));
            Set<String> seen = new HashSet<>();
            Set<String> seenPackages = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith(OWN) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
                if (n.startsWith(OWN) && seenPackages.add(packageOf(n))) {
                    packages.merge(packageOf(n), 1, Integer::sum);
                }
            }
        }
        System.out.printf("Hot spots: %d execution samples in Egress Guard code (%s)%n", samples, recording.getFileName());
        table("self (top frame, any code)", self, samples, top);
        table("self, charged to the innermost Egress Guard frame", ownSelf, samples, top);
        table("inclusive (Egress Guard frames anywhere on the stack)", inclusive, samples, top);
        table("inclusive by package (the egress model is core.egress)", packages, samples, top);
    }

    private static String packageOf(String method) {
        int lambda = method.indexOf("$$Lambda");
        String type = lambda >= 0 ? method.substring(0, lambda) : method.substring(0, method.lastIndexOf('.'));
        return type.substring(OWN.length(), type.lastIndexOf('.'));
    }

    private static boolean onOwnCode(List<RecordedFrame> frames) {
        return frames.stream().anyMatch(f -> name(f).startsWith(OWN) && !name(f).startsWith(OWN + "benchmarks."));
    }

    private static void table(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("    %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(), e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
