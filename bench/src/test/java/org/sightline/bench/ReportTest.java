package org.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.sightline.bench.raw.RawSqlResult;
import org.junit.jupiter.api.Test;

/** The report quotes every figure with its machine, in milliseconds and requests per second, failures included. */
class ReportTest {

    private static final long MILLISECOND = 1_000_000;

    /** 100 requests of 1, 2, ... 100 ms, sent by 4 clients in 2 seconds. */
    private static ScenarioResult hundredRequests(int failures, Optional<String> why) {
        Histogram latencies = new Histogram(3);
        for (int ms = 1; ms <= 100; ms++) {
            latencies.recordValue(ms * MILLISECOND);
        }
        return new ScenarioResult("ward-rank", 100, 4, 2_000 * MILLISECOND, latencies, failures, 100 * 2048, why);
    }

    @Test
    void aRowGivesThroughputPercentilesInMillisecondsAndFailures() {
        Report report = new Report(List.of("ward-rank", "district-inequality"));
        String row = report.row(hundredRequests(3, Optional.of("HTTP 500")));

        assertThat(row.split("\\|")).extracting(String::strip).containsExactly(
                "", "ward-rank", "100", "4", "50.0", "50.0", "95.0", "99.0", "100.0", "3", "2.0");
        assertThat(row).hasSameSizeAs(report.tableHeader().lines().findFirst().orElseThrow());
    }

    @Test
    void theHeaderNamesTheServerTheCallerAndTheMachine() {
        Machine machine = new Machine("17.0.15 (OpenJDK)", "Linux amd64", 2, OptionalLong.of(24L << 30), 1.46);
        String header = Report.header("http://localhost:18181", "PUBLIC (no API key)", machine, 50, Instant.parse("2025-11-25T04:51:02.5Z"));

        assertThat(header).contains("http://localhost:18181", "as PUBLIC (no API key)", "2025-11-25T04:51:02Z", "Java 17.0.15 (OpenJDK)",
                "2 available processors", "24.0 GiB total memory", "load average 1.46", "50 warm-up requests");
    }

    @Test
    void theFooterTotalsTheFailuresAndSaysWhyTheFirstFailed() {
        String footer = Report.footer(List.of(new Comparison(hundredRequests(0, Optional.empty()), Optional.empty()),
                new Comparison(hundredRequests(3, Optional.of("HTTP 500: boom")), Optional.empty())), 3.5);

        assertThat(footer.lines()).containsExactly(
                "3 failures in 200 measured requests; load average at the end 3.50",
                "ward-rank at concurrency 4: 3 failed, the first because HTTP 500: boom");
    }

    @Test
    void withRawSqlARowAddsItsThroughputP99FailuresAndTheRatio() {
        Histogram raw = new Histogram(3);
        for (int ms = 1; ms <= 10; ms++) {
            raw.recordValue(ms * MILLISECOND);
        }
        Report report = new Report(List.of("ward-rank"), true);
        String row = report.row(new Comparison(hundredRequests(0, Optional.empty()), Optional.of(new RawSqlResult(100, 4, 800, raw, 0,
                Optional.empty()))));

        assertThat(row.split("\\|")).extracting(String::strip).containsExactly(
                "", "ward-rank", "100", "4", "50.0", "50.0", "95.0", "99.0", "100.0", "0", "2.0", "800.0", "10.0", "0", "0.063");
        assertThat(row).hasSameSizeAs(report.tableHeader().lines().findFirst().orElseThrow());
        assertThat(report.tableHeader()).contains("raw req/s", "raw p99 ms", "vs raw");
    }

    @Test
    void aRawSqlFailureIsCountedAndExplained() {
        RawSqlResult wrong = new RawSqlResult(100, 4, 900, new Histogram(3), 100, Optional.of("the raw SQL gives 3 rows, expected 21"));
        String footer = Report.footer(List.of(new Comparison(hundredRequests(0, Optional.empty()), Optional.of(wrong))), 1);

        assertThat(footer.lines()).containsExactly(
                "100 failures in 200 measured requests; load average at the end 1.00",
                "ward-rank at concurrency 4, raw SQL: 100 failed, the first because the raw SQL gives 3 rows, expected 21");
    }

    @Test
    void theCommandIsQuotedForAShellWithTheApiKeyElided() {
        assertThat(Report.command("java -jar sightline-bench.jar", List.of("--api-key", "secret", "--data", "my data", "--concurrency", "1,16")))
                .isEqualTo("Command: `java -jar sightline-bench.jar --api-key <key> --data 'my data' --concurrency 1,16`");
    }
}
