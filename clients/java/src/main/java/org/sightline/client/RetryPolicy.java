package org.sightline.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When the client asks again by itself: on 429 (too many requests) and on 502, 503 and 504 (the
 * server or a proxy in front of it unavailable), and when the connection could not be made, up to
 * {@code maxAttempts} attempts in all. A 503 classified {@code TIMEOUT} (the question ran into the
 * server's statement timeout) is not retried: the same question would take as long again.
 * <p>
 * The wait before each retry is the server's {@code Retry-After} when it sends one, plus up to a
 * tenth more (so that clients told the same moment do not all come back at once); a
 * {@code Retry-After} longer than {@code maxRetryAfter} is not waited for: the request fails at once
 * with a {@link RateLimitedException} or {@link UnavailableException} that carries it. Without a
 * {@code Retry-After}, the wait grows exponentially: a random time between half and all of
 * {@code initialDelay x 2^(retry - 1)}, at most {@code maxDelay} ("equal jitter").
 * <p>
 * Uploads are retried only when their body can be sent again, i.e. when it comes from a file
 * ({@link java.nio.file.Path}); an upload from an {@link java.io.InputStream} is sent once.
 *
 * @param maxAttempts   attempts in all, at least 1 (1 = never retry)
 * @param initialDelay  the base of the exponential back-off
 * @param maxDelay      the longest back-off between two attempts
 * @param maxRetryAfter the longest {@code Retry-After} the client waits for
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** 4 attempts, back-off from 500 ms up to 30 s, waiting up to 2 minutes when the server says so. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Every request is sent once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays may not be negative");
        }
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay, maxRetryAfter);
    }

    /** The back-off before retry number {@code retry} (1 for the first retry) when the server gave no {@code Retry-After}. */
    Duration backoff(int retry, RandomGenerator random) {
        long base = initialDelay.toMillis();
        for (int i = 1; i < retry && base < maxDelay.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, maxDelay.toMillis());
        long half = base / 2;
        return Duration.ofMillis(half + (base - half == 0 ? 0 : random.nextLong(base - half + 1)));
    }

    /** The wait for a {@code Retry-After}: at least what the server asked, at most a tenth more. */
    Duration afterRetryAfter(Duration retryAfter, RandomGenerator random) {
        long asked = retryAfter.toMillis();
        long jitter = asked / 10;
        return Duration.ofMillis(asked + (jitter == 0 ? 0 : random.nextLong(jitter + 1)));
    }
}
