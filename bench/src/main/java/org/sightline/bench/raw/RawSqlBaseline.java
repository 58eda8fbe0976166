package org.sightline.bench.raw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.sightline.bench.RawSql;

/**
 * Computes a scenario's answer with its hand-written SQL straight on the server's database, after
 * the HTTP measurement of the same scenario: first once through {@code psql} as
 * {@code SELECT count(*) FROM (<sql>) q}, which must give the rows the API's answer must have (else
 * every statement counts as failed: a wrong answer is never a fast one), then unmeasured warm-up and
 * measured runs of {@code pgbench} at the same concurrency and number of requests as the HTTP clients.
 */
public final class RawSqlBaseline {

    private final Psql psql;
    private final Duration timeout;
    private final Path workDirectory;

    /**
     * @param psql          psql on the database; its connection is pgbench's too
     * @param timeout       the longest one psql or pgbench run may take
     * @param workDirectory where scripts and pgbench logs are written (and deleted)
     */
    public RawSqlBaseline(Psql psql, Duration timeout, Path workDirectory) {
        this.psql = psql;
        this.timeout = timeout;
        this.workDirectory = workDirectory;
    }

    /** Checks that psql can connect and that pgbench is on the PATH, so a bad option fails before any measuring. */
    public void checkReachable() throws IOException, InterruptedException {
        psql.query("SELECT 1");
        ProcessRun version = ProcessRun.of(java.util.List.of("pgbench", "--version"), Duration.ofSeconds(30));
        if (!version.succeeded()) {
            throw new IOException(version.why("pgbench --version"));
        }
    }

    /** The baseline of {@code raw} at {@code concurrency} clients: {@code warmup} statements unmeasured, then {@code requests} measured. */
    public RawSqlResult measure(RawSql raw, int concurrency, int warmup, int requests) throws IOException, InterruptedException {
        Optional<String> wrongAnswer = wrongAnswer(raw);
        Path script = Files.createTempFile(workDirectory, "raw-sql-", ".sql");
        try {
            Files.writeString(script, raw.oneLine() + ";\n", StandardCharsets.UTF_8);
            if (warmup > 0) {
                PgbenchRun.forRequests(concurrency, warmup).run(script, psql.connection(), workDirectory, timeout, wrongAnswer);
            }
            return PgbenchRun.forRequests(concurrency, requests).run(script, psql.connection(), workDirectory, timeout, wrongAnswer);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Why the statement's answer is wrong (not the expected number of rows, or an error), empty when it is right. */
    private Optional<String> wrongAnswer(RawSql raw) throws InterruptedException {
        String counted;
        try {
            counted = psql.query("SELECT count(*) FROM (" + raw.sql() + ") q").strip();
        } catch (IOException e) {
            return Optional.of("the raw SQL failed: " + e.getMessage());
        }
        if (!counted.equals(Integer.toString(raw.expectedRows()))) {
            return Optional.of("the raw SQL gives " + counted + " rows, expected " + raw.expectedRows());
        }
        return Optional.empty();
    }
}
