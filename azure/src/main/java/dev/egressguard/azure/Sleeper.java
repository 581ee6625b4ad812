package dev.egressguard.azure;

import java.time.Duration;

/** Waits; tests replace it so Retry-After and quota waits are asserted without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
