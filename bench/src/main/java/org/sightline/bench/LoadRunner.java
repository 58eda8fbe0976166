package org.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Sends a scenario's request a fixed number of times from a fixed number of clients (a closed
 * loop: each client sends its next request when its last answer has arrived and been checked),
 * first unmeasured to warm the server's caches and JIT, then measured. Only the HTTP exchange is
 * timed, from sending the request to having read the whole answer; the check is not.
 */
final class LoadRunner {

    private final HttpClient http;
    private final URI url;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final int concurrency;

    LoadRunner(URI url, Optional<String> apiKey, Duration timeout, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.url = url;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.concurrency = concurrency;
        // HTTP/1.1 keep-alive, as browsers and most HTTP libraries talk to a plain-HTTP server.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Warms up with {@code warmup} requests (answers checked, results dropped), then measures {@code requests}. */
    ScenarioResult run(Scenario scenario, int warmup, int requests) throws InterruptedException {
        if (warmup > 0) {
            measure(scenario, warmup);
        }
        return measure(scenario, requests);
    }

    private ScenarioResult measure(Scenario scenario, int requests) throws InterruptedException {
        HttpRequest request = scenario.request(url, apiKey, timeout);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Client>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                running.add(clients.submit(() -> new Client().sendWhileBelow(requests, sent, request, scenario.check(), scenario.revalidate())));
            }
            List<Client> done = new ArrayList<>();
            for (Future<Client> client : running) {
                done.add(client.get());
            }
            long elapsed = System.nanoTime() - start;
            Histogram latencies = new Histogram(3);
            int failures = 0;
            long bytes = 0;
            Optional<String> firstFailure = Optional.empty();
            for (Client client : done) {
                latencies.add(client.latencies);
                failures += client.failures;
                bytes += client.answerBytes;
                if (firstFailure.isEmpty()) {
                    firstFailure = client.firstFailure;
                }
            }
            return new ScenarioResult(scenario.name(), requests, concurrency, elapsed, latencies, failures, bytes, firstFailure);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark client stopped unexpectedly", e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client's share of the requests; its histogram is merged once it has finished. */
    private final class Client {
        final Histogram latencies = new Histogram(3);
        int failures;
        long answerBytes;
        Optional<String> firstFailure = Optional.empty();

        /** With revalidation: the answer this client holds and its validator, as an HTTP cache keeps them. */
        String heldETag;
        String heldAnswer;

        Client sendWhileBelow(int requests, AtomicInteger sent, HttpRequest request, ResponseCheck check, boolean revalidate)
                throws InterruptedException {
            while (sent.getAndIncrement() < requests) {
                HttpRequest asked = revalidate && heldETag != null
                        ? HttpRequest.newBuilder(request, (name, value) -> true).header("If-None-Match", heldETag).build() : request;
                long start = System.nanoTime();
                Optional<String> failure;
                try {
                    HttpResponse<String> response = http.send(asked, HttpResponse.BodyHandlers.ofString());
                    latencies.recordValue(System.nanoTime() - start);
                    answerBytes += response.body().length();
                    if (revalidate && response.statusCode() == 304 && heldAnswer != null) {
                        failure = check.failure(200, heldAnswer); // the held answer is the answer
                    } else {
                        failure = check.failure(response.statusCode(), response.body());
                        if (revalidate && failure.isEmpty()) {
                            heldETag = response.headers().firstValue("ETag").orElse(null);
                            heldAnswer = response.body();
                        }
                    }
                } catch (IOException e) {
                    latencies.recordValue(System.nanoTime() - start);
                    failure = Optional.of("no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
                }
                if (failure.isPresent()) {
                    failures++;
                    if (firstFailure.isEmpty()) {
                        firstFailure = failure;
                    }
                }
            }
            return this;
        }
    }
}
