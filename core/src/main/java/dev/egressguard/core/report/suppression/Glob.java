package dev.egressguard.core.report.suppression;

import dev.egressguard.core.source.Wildcards;

/**
 * A resource pattern: {@code *} matches any run of characters (slashes included, so one pattern
 * covers every subnet of a vnet), {@code ?} one character; everything else literally, ignoring
 * case as ARM does. Matched by {@link Wildcards}, so no pattern in a suppression file can stall a build.
 */
record Glob(String text) {

    boolean matches(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        return Wildcards.matches(text, candidate, true);
    }
}
