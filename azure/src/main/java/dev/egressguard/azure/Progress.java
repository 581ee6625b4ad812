package dev.egressguard.azure;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What a long audit is doing, for a person watching a terminal: one line on stderr, rewritten in
 * place. Only shown when there is a console; CI logs get nothing.
 */
interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(String scope, String step, int resources, int requests) {
        }

        @Override
        public void done() {
        }
    };

    /** {@code scope}: "[2/5] Contoso Prod" or "Resource Graph"; {@code step}: what is being read. */
    void update(String scope, String step, int resources, int requests);

    void done();

    /** A console line on stderr when the JVM has a console, otherwise nothing. */
    static Progress auto() {
        return System.console() != null ? new Console(System.err) : NONE;
    }

    final class Console implements Progress {
        private final PrintStream out;
        private int lastLength;

        Console(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void update(String scope, String step, int resources, int requests) {
            String line = String.format(Locale.ROOT, "%s: %s — %,d resources, %,d requests", scope, step, resources, requests);
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad));
            out.flush();
            lastLength = line.length();
        }

        @Override
        public synchronized void done() {
            if (lastLength > 0) {
                out.print("\r" + " ".repeat(lastLength) + "\r");
                out.flush();
                lastLength = 0;
            }
        }
    }
}
