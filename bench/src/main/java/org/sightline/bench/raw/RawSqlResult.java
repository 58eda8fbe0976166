package org.sightline.bench.raw;

import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The raw-SQL baseline of one scenario at one concurrency, as pgbench measured it.
 *
 * @param transactions  statements pgbench was asked to run (clients x transactions per client)
 * @param concurrency   pgbench clients, each on its own connection
 * @param tps           pgbench's own throughput, {@code tps = ... (without initial connection time)}
 * @param latencies     nanoseconds per statement, from pgbench's per-transaction log
 * @param failures      statements whose answer was wrong (all of them when the row count is wrong, the
 *                      statement being the same every time) or that did not run
 * @param firstFailure  why, when any failed
 */
public record RawSqlResult(int transactions, int concurrency, double tps, Histogram latencies, int failures,
                           Optional<String> firstFailure) {

    public RawSqlResult {
        Objects.requireNonNull(latencies, "latencies");
        Objects.requireNonNull(firstFailure, "firstFailure");
        if (failures < 0 || failures > transactions) {
            throw new IllegalArgumentException(failures + " failures out of " + transactions + " statements is impossible");
        }
        if (failures > 0 && firstFailure.isEmpty()) {
            throw new IllegalArgumentException("say why the first of " + failures + " failures failed");
        }
    }

    /** The latency at a percentile (0-100) in milliseconds; NaN when nothing was measured. */
    public double latencyMillis(double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
    }
}
