package io.huixun.fetch;

import java.time.Duration;

/**
 * Told once about every finished {@link Fetcher#fetch} call, for metrics (the app exports them to Prometheus; core
 * has no metrics library). Called on the fetching thread after the result is made; must be quick and thread-safe,
 * and must not throw (an exception is caught and dropped so it cannot change a fetch's result).
 */
@FunctionalInterface
public interface FetchObserver {

    /** Observes nothing. */
    FetchObserver NONE = e -> { };

    void finished(Event event);

    /**
     * One finished fetch.
     *
     * @param host      the requested URL's host (lower case), "" for an invalid URL
     * @param outcome   {@link FetchResult#outcome()}: "ok", "not_modified", "refused", "timeout", "tls", "http_5xx", …
     * @param status    the final HTTP status, 0 when no response was received
     * @param duration  wall-clock time of the call, politeness waits included
     */
    record Event(String host, String outcome, int status, Duration duration) {}
}
