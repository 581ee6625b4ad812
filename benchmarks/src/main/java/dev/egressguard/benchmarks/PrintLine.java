package dev.egressguard.benchmarks;

/** The bare JVM of the cold-start comparison: starts, prints a line, exits. {@link ColdStart} runs it from a directory of its own. */
public final class PrintLine {

    private PrintLine() {
    }

    public static void main(String[] args) {
        System.out.println("a line");
    }
}
