package dev.egressguard.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Retries what ARM asks to be retried: 429 after the wait it names (Retry-After, retry-after-ms,
 * x-ms-retry-after-ms, or Resource Graph's x-ms-user-quota-resets-after), and 408/5xx and broken
 * connections with exponential backoff, a bounded number of times. A wait longer than
 * {@code maxWait} is not sat out: the response goes back and the caller reports it.
 */
final class ArmRetryPolicy implements HttpPipelinePolicy {

    private static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxWait;
    private final Sleeper sleeper;

    ArmRetryPolicy(int maxRetries, Duration baseDelay, Duration maxWait, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse response;
            try {
                response = next.clone().processSync();
            } catch (RuntimeException e) {
                if (attempt >= maxRetries || !isBrokenConnection(e)) {
                    throw e;
                }
                sleep(backoff(attempt));
                continue;
            }
            Duration wait = waitBeforeRetry(response, attempt);
            if (wait == null) {
                return response;
            }
            response.close();
            sleep(wait);
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return attempt(next, 0);
    }

    private Mono<HttpResponse> attempt(HttpPipelineNextPolicy next, int attempt) {
        return next.clone().process()
                .onErrorResume(e -> attempt < maxRetries && isBrokenConnection(e),
                        e -> sleepAsync(backoff(attempt)).then(Mono.defer(() -> attempt(next, attempt + 1))))
                .flatMap(response -> {
                    Duration wait = waitBeforeRetry(response, attempt);
                    if (wait == null) {
                        return Mono.just(response);
                    }
                    response.close();
                    return sleepAsync(wait).then(Mono.defer(() -> attempt(next, attempt + 1)));
                });
    }

    /** How long to wait before trying again, or null when this response is the answer. */
    Duration waitBeforeRetry(HttpResponse response, int attempt) {
        int status = response.getStatusCode();
        if (!RETRIED.contains(status) || attempt >= maxRetries) {
            return null;
        }
        Duration asked = askedWait(response);
        Duration wait = asked != null ? asked : backoff(attempt);
        return wait.compareTo(maxWait) > 0 ? null : wait;
    }

    /** The wait the service named in its headers, if any. */
    static Duration askedWait(HttpResponse response) {
        Duration ms = millis(response.getHeaderValue("retry-after-ms"));
        if (ms == null) {
            ms = millis(response.getHeaderValue("x-ms-retry-after-ms"));
        }
        if (ms != null) {
            return ms;
        }
        Duration retryAfter = retryAfter(response.getHeaderValue("Retry-After"));
        if (retryAfter != null) {
            return retryAfter;
        }
        if (response.getStatusCode() == 429) {
            return QuotaHeaders.duration(response.getHeaderValue(QuotaHeaders.RESETS_AFTER));
        }
        return null;
    }

    private Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt, 10);
        Duration d = baseDelay.multipliedBy(factor);
        Duration cap = Duration.ofSeconds(30);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private static Duration millis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110). */
    static Duration retryAfter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(t)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static boolean isBrokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private Mono<Void> sleepAsync(Duration d) {
        return Mono.<Void>fromRunnable(() -> sleep(d)).subscribeOn(Schedulers.boundedElastic());
    }
}
