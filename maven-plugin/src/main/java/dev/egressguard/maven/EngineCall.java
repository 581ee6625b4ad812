package dev.egressguard.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.util.function.Supplier;

/**
 * Calls into core. Problems with inputs come back as diagnostics in the report; anything thrown is
 * a defect, reported as one line (Maven shows the stack trace only with -e or -X).
 */
final class EngineCall {

    private EngineCall() {
    }

    static <T> T run(Supplier<T> call) throws MojoExecutionException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MojoExecutionException("Egress Guard failed: " + message, e);
        }
    }
}
