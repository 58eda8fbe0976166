package org.sightline.client;

import java.time.Duration;

/**
 * Too many requests (429, {@code TOO_MANY_REQUESTS}), still after the client's retries, or with a
 * {@code Retry-After} longer than the client was configured to wait. {@link #retryAfter()} is when the
 * server said it would take the next request.
 */
public class RateLimitedException extends UnavailableException {

    private final Duration retryAfter;

    public RateLimitedException(int status, String classification, String message, Duration retryAfter) {
        super(status, classification, message, java.util.List.of());
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}; null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
