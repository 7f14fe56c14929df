package io.github.rerun4j.viewer.api;

/**
 * The server is at one of its limits ({@link io.github.rerun4j.viewer.http.ServerLimits}): 503 with
 * {@code Retry-After} and a JSON error naming the limit. The request did nothing; it may be sent again.
 */
public final class Busy extends RuntimeException {

    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER_S = 1;

    Busy(String message) {
        super(message);
    }
}
