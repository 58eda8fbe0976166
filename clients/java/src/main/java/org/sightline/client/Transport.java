package org.sightline.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request, asking again as the {@link RetryPolicy} says, and turns an error answer into a
 * {@link SightlineException}. A successful answer is returned with its body unread (a stream), so an
 * export can be copied as it arrives.
 */
final class Transport {

    /** The most of an error body that is read (error bodies are small JSON; anything longer is not the server's). */
    private static final int MAX_ERROR_BODY = 1 << 20;

    private final HttpClient http;
    private final JsonMapper json;
    private final RetryPolicy retry;
    private final RandomGenerator random;
    private final Consumer<RetryNotice> onRetry;
    private final Clock clock;

    Transport(HttpClient http, JsonMapper json, RetryPolicy retry, RandomGenerator random, Consumer<RetryNotice> onRetry, Clock clock) {
        this.http = http;
        this.json = json;
        this.retry = retry;
        this.random = random;
        this.onRetry = onRetry;
        this.clock = clock;
    }

    /**
     * Sends {@code request}; when {@code resendable} (its body can be sent again), a 429, 502, 503 or
     * 504 answer or a failed connection is retried. Returns a 2xx answer, or throws.
     */
    HttpResponse<InputStream> send(HttpRequest request, boolean resendable) {
        int attempts = resendable ? retry.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | HttpConnectTimeoutException notConnected) {
                // Nothing reached the server: always safe to try again.
                UnavailableException failure = new UnavailableException("could not connect to " + request.uri().getScheme() + "://"
                        + request.uri().getAuthority() + " (" + describe(notConnected) + ")", notConnected);
                if (attempt >= attempts) {
                    throw failure;
                }
                pause(new RetryNotice(attempt, 0, failure.getMessage(), retry.backoff(attempt, random)));
                continue;
            } catch (HttpTimeoutException timedOut) {
                // The server may still be working on it: not asked again.
                throw new UnavailableException("no answer from " + request.uri().getAuthority() + " within "
                        + request.timeout().map(Transport::seconds).orElse("the timeout"), timedOut);
            } catch (IOException broken) {
                throw new UnavailableException("the connection to " + request.uri().getAuthority() + " failed: " + describe(broken), broken);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("interrupted while waiting for the server", interrupted);
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            Duration retryAfter = retryAfter(response);
            SightlineException error = Errors.fromResponse(json, status, errorBody(response), retryAfter);
            boolean transient_ = (status == 429 || status == 502 || status == 503 || status == 504)
                    && !"TIMEOUT".equals(error.classification());
            if (!transient_ || attempt >= attempts) {
                throw error;
            }
            if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                // The server asks for a longer wait than the caller allowed: give up now, saying when to come back.
                throw error;
            }
            Duration delay = retryAfter != null ? retry.afterRetryAfter(retryAfter, random) : retry.backoff(attempt, random);
            pause(new RetryNotice(attempt, status, error.getMessage(), delay));
        }
    }

    private void pause(RetryNotice notice) {
        onRetry.accept(notice);
        try {
            Thread.sleep(notice.delay().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to retry", interrupted);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> parseRetryAfter(value, clock)).orElse(null);
    }

    static Duration parseRetryAfter(String value, Clock clock) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String errorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
