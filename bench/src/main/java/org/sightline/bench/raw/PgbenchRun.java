package org.sightline.bench.raw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One pgbench run of one SQL statement:
 * {@code pgbench -n -M prepared -c C -j min(C, processors) -t T -f script -l --log-prefix dir/x URI}
 * (no vacuum, the statement prepared once per connection as the server's driver does, each client
 * a closed loop on its own connection). Throughput is pgbench's own {@code tps = ... (without
 * initial connection time)}; latencies come from its per-transaction log, whose lines are
 * {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]} with
 * {@code time} the transaction's latency in microseconds (pgbench 15).
 *
 * @param concurrency            pgbench clients
 * @param transactionsPerClient  statements each client runs
 */
public record PgbenchRun(int concurrency, int transactionsPerClient) {

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)/(\\d+)");

    public PgbenchRun {
        if (concurrency < 1 || transactionsPerClient < 1) {
            throw new IllegalArgumentException("pgbench needs at least one client and one transaction, got " + concurrency + " x "
                    + transactionsPerClient);
        }
    }

    /** Enough transactions per client for {@code requests} in all, as the HTTP clients send them. */
    public static PgbenchRun forRequests(int concurrency, int requests) {
        return new PgbenchRun(concurrency, Math.max(1, (requests + concurrency - 1) / concurrency));
    }

    public int transactions() {
        return concurrency * transactionsPerClient;
    }

    /** The command line, with the per-transaction log under {@code logDirectory} when it is given. */
    List<String> command(Path script, String connection, Path logDirectory) {
        int threads = Math.min(concurrency, Runtime.getRuntime().availableProcessors());
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(concurrency),
                "-j", Integer.toString(threads), "-t", Integer.toString(transactionsPerClient), "-f", script.toString()));
        if (logDirectory != null) {
            command.addAll(List.of("-l", "--log-prefix", logDirectory.resolve("x").toString()));
        }
        command.add(connection);
        return command;
    }

    /**
     * Runs the statement in {@code script} against {@code connection} and reads the result;
     * {@code wrongAnswer} (already found by checking the answer) marks every statement failed.
     */
    RawSqlResult run(Path script, String connection, Path workDirectory, Duration timeout, Optional<String> wrongAnswer)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(workDirectory, "pgbench-log-");
        try {
            ProcessRun run = ProcessRun.of(command(script, connection, logs), timeout);
            Histogram latencies = new Histogram(3);
            for (Path log : logFiles(logs)) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    lines.filter(line -> !line.isBlank()).map(PgbenchRun::latencyMicros).filter(OptionalLong::isPresent)
                            .forEach(micros -> latencies.recordValue(micros.getAsLong() * 1000));
                }
            }
            OptionalDouble tps = tps(run.stdout());
            int processed = processed(run.stdout()).orElse(0);
            Optional<String> failure = wrongAnswer;
            int failures = wrongAnswer.isPresent() ? transactions() : 0;
            if (!run.succeeded() || tps.isEmpty() || processed < transactions()) {
                failures = transactions() - (wrongAnswer.isPresent() ? 0 : processed);
                failure = failure.or(() -> Optional.of(run.why("pgbench") + " (" + processed + "/" + transactions()
                        + " transactions processed)"));
            }
            return new RawSqlResult(transactions(), concurrency, tps.orElse(Double.NaN), latencies, failures, failure);
        } finally {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(logs);
        }
    }

    /** The throughput pgbench prints, without the time its clients took to connect. */
    static OptionalDouble tps(String output) {
        Matcher matcher = TPS.matcher(output);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** How many transactions pgbench completed, from {@code number of transactions actually processed: done/asked}. */
    static OptionalInt processed(String output) {
        Matcher matcher = PROCESSED.matcher(output);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * The latency in microseconds of one line of pgbench's per-transaction log (its third field);
     * empty for a transaction pgbench logged as {@code failed} or {@code skipped} instead.
     */
    static OptionalLong latencyMicros(String logLine) {
        String[] fields = logLine.strip().split("\\s+");
        if (fields.length < 6) {
            throw new IllegalArgumentException("not a pgbench transaction log line: '" + logLine + "'");
        }
        if (fields[2].equals("skipped") || fields[2].equals("failed")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(fields[2]));
    }

    /** The log files pgbench wrote under the prefix {@code x}: {@code x.<pid>} for the first thread, {@code x.<pid>.<n>} for the others. */
    static List<Path> logFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("x.")).sorted().toList();
        }
    }
}
