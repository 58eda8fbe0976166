package org.sightline.bench;

import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The measured requests of one scenario: how long the run took from the first request sent to
 * the last answer received, the latency of every request (failed ones included: the client waited
 * for them too) in nanoseconds, and the answers that failed their check.
 *
 * @param scenario      the scenario's name
 * @param requests      measured requests sent
 * @param concurrency   clients sending them in parallel, each waiting for its answer before the next
 * @param elapsedNanos  wall-clock time of the measured requests
 * @param latencies     nanoseconds per request; owned by this result, not to be changed
 * @param failures      requests whose answer failed the scenario's check or never came
 * @param answerBytes   characters received in all answers, to tell a large answer from a slow one
 * @param firstFailure  why the first failed request failed, if any did
 */
public record ScenarioResult(String scenario, int requests, int concurrency, long elapsedNanos, Histogram latencies,
                             int failures, long answerBytes, Optional<String> firstFailure) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(latencies, "latencies");
        Objects.requireNonNull(firstFailure, "firstFailure");
        if (requests < 1 || concurrency < 1 || elapsedNanos <= 0) {
            throw new IllegalArgumentException("a result needs at least one request, one client and a positive duration, got "
                    + requests + " requests, " + concurrency + " clients, " + elapsedNanos + " ns");
        }
        if (failures < 0 || failures > requests) {
            throw new IllegalArgumentException(failures + " failures out of " + requests + " requests is impossible");
        }
        if (failures > 0 && firstFailure.isEmpty()) {
            throw new IllegalArgumentException("say why the first of " + failures + " failures failed");
        }
    }

    /** Requests answered per second of wall-clock time, failures included. */
    public double throughput() {
        return requests / (elapsedNanos / 1e9);
    }

    /** The latency at a percentile (0-100) in milliseconds. */
    public double latencyMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    public double maxLatencyMillis() {
        return latencies.getMaxValue() / 1e6;
    }

    /** Mean size of an answer in KiB (characters, which is bytes for the ASCII-heavy JSON and CSV answers). */
    public double meanAnswerKiB() {
        return answerBytes / (double) requests / 1024;
    }
}
