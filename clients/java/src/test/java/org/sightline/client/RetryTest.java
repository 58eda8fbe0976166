package org.sightline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.sightline.client.LocalServer.Received;
import org.sightline.client.LocalServer.Reply;

/**
 * Retries against a real local HTTP server: 429 and 503 are asked again with exponential back-off,
 * or after the server's Retry-After; a bounded number of attempts; uploads only when the file can be
 * sent again; a question the server stopped at its timeout is not asked again.
 */
@org.junit.jupiter.api.Timeout(60)
class RetryTest {

    private static final String OK = "{\"data\": {\"area\": {\"code\": \"Z08000001\", \"name\": \"Casterbridge\", \"type\": {\"code\": \"lad\", \"name\": \"District\"}}}}";
    private static final String BUSY = "{\"classification\": \"TOO_MANY_REQUESTS\", \"message\": \"more than 6000 requests with one API key or token in a minute\", \"errors\": []}";
    private static final String DOWN = "{\"classification\": \"UNAVAILABLE\", \"message\": \"down for maintenance\", \"errors\": []}";

    private final List<RetryNotice> notices = new CopyOnWriteArrayList<>();

    private SightlineClient client(LocalServer server, RetryPolicy policy) {
        return SightlineClient.builder(server.url()).apiKey("test-key").retry(policy).onRetry(notices::add)
                .random(new Random(7)).build();
    }

    private static RetryPolicy fast(int attempts) {
        return new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void aTooManyRequestsAnswerIsAskedAgainNoSoonerThanRetryAfterSays() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(429, BUSY, "Retry-After", "1"), Reply.json(200, OK))) {
            Area area = client(server, fast(4)).area("Z08000001").orElseThrow();

            assertThat(area.name()).isEqualTo("Casterbridge");
            List<Received> requests = server.received();
            assertThat(requests).hasSize(2);
            long waitedMillis = (requests.get(1).nanos() - requests.get(0).nanos()) / 1_000_000;
            // Retry-After: 1 is honoured (never earlier), plus at most a tenth of it as jitter (and the time to connect).
            assertThat(waitedMillis).isBetween(1000L, 1100L + 400L);
            assertThat(notices).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(429);
                assertThat(n.delay().toMillis()).isBetween(1000L, 1100L);
                assertThat(n.reason()).contains("more than 6000 requests");
            });
            // The same request again, credentials included.
            assertThat(requests.get(1).bodyText()).isEqualTo(requests.get(0).bodyText());
            assertThat(requests.get(1).header("X-API-Key")).isEqualTo("test-key");
        }
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(3), ZoneOffset.UTC));
        assertThat(Transport.parseRetryAfter(inThreeSeconds, clock)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Transport.parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(Transport.parseRetryAfter(" 7 ", clock)).isEqualTo(Duration.ofSeconds(7));
        assertThat(Transport.parseRetryAfter("soon", clock)).isNull();
    }

    @Test
    void withoutRetryAfterTheWaitsGrowExponentiallyWithJitterAndTheAttemptsAreBounded() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(503, DOWN))) {
            SightlineClient client = client(server, fast(4));

            assertThatThrownBy(() -> client.area("Z08000001"))
                    .isInstanceOf(UnavailableException.class)
                    .isNotInstanceOf(RateLimitedException.class)
                    .hasMessage("down for maintenance")
                    .satisfies(e -> assertThat(((SightlineException) e).status()).isEqualTo(503));

            List<Received> requests = server.received();
            assertThat(requests).hasSize(4);
            assertThat(notices).hasSize(3);
            for (int retry = 1; retry <= 3; retry++) {
                long base = 100L << (retry - 1);
                long planned = notices.get(retry - 1).delay().toMillis();
                // Equal jitter: between half and all of 100 ms x 2^(retry - 1).
                assertThat(planned).as("retry %d", retry).isBetween(base / 2, base);
                long waited = (requests.get(retry).nanos() - requests.get(retry - 1).nanos()) / 1_000_000;
                assertThat(waited).as("retry %d", retry).isGreaterThanOrEqualTo(planned);
            }
        }
    }

    @Test
    void theBackOffIsCappedAndJitteredBetweenHalfAndAllOfIt() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
        Random random = new Random(1);
        List<Long> sixth = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1, random).toMillis()).isBetween(250L, 500L);
            assertThat(policy.backoff(3, random).toMillis()).isBetween(1000L, 2000L);
            // 500 ms x 2^7 = 64 s, capped at 30 s.
            assertThat(policy.backoff(8, random).toMillis()).isBetween(15_000L, 30_000L);
            sixth.add(policy.backoff(6, random).toMillis());
        }
        // Jitter: clients that failed together do not come back together.
        assertThat(sixth.stream().distinct().count()).isGreaterThan(100);
        assertThat(policy.afterRetryAfter(Duration.ofSeconds(10), random).toMillis()).isBetween(10_000L, 11_000L);
    }

    @Test
    void stillTooManyRequestsAfterTheLastAttemptIsARateLimitedExceptionWithTheServersWords() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(429, BUSY, "Retry-After", "0"))) {
            assertThatThrownBy(() -> client(server, fast(3)).area("Z08000001"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.classification()).isEqualTo("TOO_MANY_REQUESTS");
                        assertThat(e.getMessage()).contains("more than 6000 requests");
                        assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
                        assertThat(e.status()).isEqualTo(429);
                    });
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void aRetryAfterLongerThanTheClientMayWaitFailsAtOnceSayingWhenToComeBack() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(429, BUSY, "Retry-After", "3600"))) {
            assertThatThrownBy(() -> client(server, fast(4)).area("Z08000001"))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
            assertThat(server.received()).hasSize(1);
            assertThat(notices).isEmpty();
        }
    }

    @Test
    void aQuestionStoppedAtTheServersStatementTimeoutIsNotAskedAgain() throws IOException {
        String timeout = "{\"classification\": \"TIMEOUT\", \"message\": \"the question ran longer than 30 s (sightline.limits.statement-timeout)\", \"errors\": []}";
        try (LocalServer server = new LocalServer(Reply.json(503, timeout))) {
            assertThatThrownBy(() -> client(server, fast(4)).exportCsv(ObservationQuery.of("demo-population").level("lsoa"),
                    java.io.OutputStream.nullOutputStream()))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.classification()).isEqualTo("TIMEOUT");
                        assertThat(e.getMessage()).contains("statement-timeout");
                    });
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void anUploadFromAFileIsSentAgainInFullAfterA503() throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "release", ".csv");
        try (LocalServer server = new LocalServer(Reply.json(503, DOWN), Reply.json(201, """
                {"releaseId": 42, "indicator": "test-indicator", "version": 3, "status": "PUBLISHED", "created": true, "rows": 50000,
                 "areaType": "lsoa", "periods": ["2024"], "fileSha256": "ab", "uploadedBy": "key:3", "publishedAt": "2025-01-02T03:04:05Z"}"""))) {
            StringBuilder csv = new StringBuilder("area_code,period,count\n");
            for (int i = 1; i <= 50_000; i++) {
                csv.append("Z01%06d,2024,%d%n".formatted(i % 600 + 1, i));
            }
            Files.writeString(file, csv);
            List<Long> progress = new CopyOnWriteArrayList<>();

            ReleaseReceipt receipt = client(server, fast(3)).uploadRelease("test-indicator", file,
                    ReleaseOptions.none().corrects("41", "late returns").agreement("wessex jsna"), (bytes, total) -> progress.add(bytes));

            assertThat(receipt.releaseId()).isEqualTo(42);
            assertThat(receipt.periods()).containsExactly("2024");
            assertThat(receipt.publishedAt().toInstant()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
            byte[] expected = Files.readAllBytes(file);
            assertThat(server.received()).hasSize(2).allSatisfy(request -> {
                assertThat(request.body()).isEqualTo(expected);
                assertThat(request.pathAndQuery()).isEqualTo(
                        "/api/v1/indicators/test-indicator/releases?agreement=wessex+jsna&corrects=41&reason=late+returns");
                assertThat(request.header("Content-Type")).isEqualTo("text/csv");
                assertThat(request.header("X-File-Name")).isEqualTo(file.getFileName().toString());
            });
            // Progress by bytes sent, up to the whole file (once per attempt).
            assertThat(progress).contains((long) expected.length);
            assertThat(progress.stream().filter(b -> b == expected.length)).hasSize(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUploadFromAStreamIsSentOnceSinceItCannotBeSentAgain() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(503, DOWN), Reply.json(201, "{}"))) {
            byte[] csv = "area_code,period,count\nZ01000001,2024,5\n".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> client(server, fast(4)).uploadRelease("test-indicator", new ByteArrayInputStream(csv), ReleaseOptions.none()))
                    .isInstanceOf(UnavailableException.class);
            assertThat(server.received()).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo(csv));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgainThenReportedAsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SightlineClient client = SightlineClient.builder("http://localhost:" + port).retry(fast(3)).onRetry(notices::add).build();
        assertThatThrownBy(() -> client.area("Z08000001"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("could not connect to http://localhost:" + port);
                });
        assertThat(notices).hasSize(2).allSatisfy(n -> assertThat(n.status()).isZero());
    }

    @Test
    void aGraphQlAnswerIsNotRetriedWhenItIsAnErrorOfTheQuestion() throws IOException {
        try (LocalServer server = new LocalServer(Reply.json(200, """
                {"errors": [{"message": "no indicator 'nope'", "extensions": {"classification": "NOT_FOUND"}}], "data": null}"""))) {
            assertThatThrownBy(() -> client(server, fast(4)).rank(ObservationQuery.of("nope").level("lad")))
                    .isInstanceOf(NotFoundException.class).hasMessage("no indicator 'nope'");
            assertThat(server.received()).hasSize(1);
            assertThat(server.received().get(0).bodyText()).contains("\"indicator\":\"nope\"").contains("\"level\":\"lad\"");
        }
    }
}
