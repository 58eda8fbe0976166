package org.sightline.bench.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgbench 15's output and per-transaction log, as the baseline reads them. */
class PgbenchRunTest {

    private static final String OUTPUT = """
            pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.6)
            transaction type: q1.pgb
            scaling factor: 1
            query mode: prepared
            number of clients: 2
            number of threads: 2
            maximum number of tries: 1
            number of transactions per client: 5
            number of transactions actually processed: 10/10
            number of failed transactions: 0 (0.000%)
            latency average = 10.353 ms
            initial connection time = 5.522 ms
            tps = 193.180721 (without initial connection time)
            """;

    @Test
    void theThroughputIsPgbenchsWithoutConnecting() {
        assertThat(PgbenchRun.tps(OUTPUT)).hasValue(193.180721);
        assertThat(PgbenchRun.processed(OUTPUT)).hasValue(10);
    }

    @Test
    void anAbortedRunHasNoThroughput() {
        String aborted = OUTPUT.replace("processed: 10/10", "processed: 0/3").lines()
                .filter(line -> !line.startsWith("tps") && !line.startsWith("latency")).reduce("", (a, b) -> a + b + "\n");
        assertThat(PgbenchRun.tps(aborted)).isEmpty();
        assertThat(PgbenchRun.processed(aborted)).hasValue(0);
    }

    @Test
    void theLatencyIsTheThirdFieldOfALogLineInMicroseconds() {
        assertThat(PgbenchRun.latencyMicros("0 1 22947 0 1796204446 240076")).hasValue(22947);
        assertThat(PgbenchRun.latencyMicros("3 12 5227 0 1796204446 245324 0 0")).hasValue(5227);
        assertThat(PgbenchRun.latencyMicros("3 12 failed 0 1796204446 245324")).isEmpty();
    }

    @Test
    void theLogsOfEveryThreadAreRead(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("x.5057"), "0 1 22947 0 1796204446 240076\n");
        Files.writeString(directory.resolve("x.5057.1"), "1 1 21522 0 1796204446 238643\n");
        Files.writeString(directory.resolve("script.sql"), "SELECT 1;\n");

        assertThat(PgbenchRun.logFiles(directory)).extracting(file -> file.getFileName().toString()).containsExactly("x.5057", "x.5057.1");
    }

    @Test
    void requestsAreSharedBetweenClientsRoundedUpAndThreadsNeverExceedClients() {
        PgbenchRun run = PgbenchRun.forRequests(16, 200);
        assertThat(run.transactionsPerClient()).isEqualTo(13);
        assertThat(run.transactions()).isEqualTo(208);
        assertThat(run.command(Path.of("s.sql"), "postgresql://postgres@localhost:5432/postgres", Path.of("/tmp/logs")))
                .containsSubsequence("pgbench", "-n", "-M", "prepared", "-c", "16", "-t", "13", "-f", "s.sql", "-l", "--log-prefix",
                        "/tmp/logs/x", "postgresql://postgres@localhost:5432/postgres");
        assertThat(PgbenchRun.forRequests(1, 5).command(Path.of("s.sql"), "db", null)).containsSubsequence("-c", "1", "-j", "1", "-t", "5")
                .doesNotContain("-l");
    }
}
