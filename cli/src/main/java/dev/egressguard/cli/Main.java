package dev.egressguard.cli;

/** {@code java -jar egress-cli.jar ...}: runs the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EgressCommand.commandLine(args).execute(args));
    }
}
