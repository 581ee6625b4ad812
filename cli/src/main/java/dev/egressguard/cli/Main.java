package dev.egressguard.cli;

import dev.egressguard.core.EgressGuard;

/** {@code java -jar egress-cli.jar ...}: runs the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    /** The commands that read the built-in rules: verify and audit check them, map draws what they read, rules lists them. */
    private static final java.util.Set<String> READ_RULES = java.util.Set.of("verify", "map", "audit", "rules");

    public static void main(String[] args) {
        if (READ_RULES.contains(String.valueOf(EgressCommand.commandOf(args)))) {
            readRulesAhead();
        }
        int exitCode = EgressCommand.commandLine(args).execute(args);
        System.out.flush();
        ArchivedClasses.loadWhenRecording();
        System.exit(exitCode);
    }

    /**
     * A cold JVM takes about as long to read the built-in rules as picocli takes to build the
     * command and parse the arguments, so another thread reads them meanwhile; the run finds them
     * read. Should it fail, the run reads them again and reports what is wrong.
     */
    private static void readRulesAhead() {
        Thread ahead = new Thread(() -> {
            try {
                EgressGuard.readBuiltInRules();
            } catch (RuntimeException e) {
                // the run reads them again and reports the problem where it belongs
            }
        }, "egress-guard-rules-ahead");
        ahead.setDaemon(true);
        ahead.start();
    }
}
