package org.sightline.client;

import java.time.Duration;

/**
 * Told to {@link SightlineClient.Builder#onRetry} before the client asks again: which attempt failed,
 * with what HTTP status (0 when no connection could be made), why in words, and how long it waits.
 */
public record RetryNotice(int failedAttempt, int status, String reason, Duration delay) {
}
