package org.sightline.bench.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code psql} on the server's database: unaligned, tuples only ({@code -X -At}, fields separated
 * by {@code |}), stopping at the first error. {@code psql} must be on the PATH.
 */
public final class Psql {

    private final String connection;
    private final Duration timeout;

    /** @param connection a libpq connection URI or string, e.g. {@code postgresql://postgres@localhost:5432/postgres} */
    public Psql(String connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    public String connection() {
        return connection;
    }

    /** The output of one SQL command; an error (of psql or of the statement) is an IOException saying why. */
    public String query(String sql) throws IOException, InterruptedException {
        return checked(run(List.of("-c", sql)));
    }

    /** The lines of the answer to one query, each split on {@code |} into its fields. */
    public List<String[]> rows(String sql) throws IOException, InterruptedException {
        List<String[]> rows = new ArrayList<>();
        query(sql).lines().filter(line -> !line.isEmpty()).forEach(line -> rows.add(line.split("\\|", -1)));
        return rows;
    }

    /** Runs a script file (psql meta-commands such as {@code \copy} included); the run is returned so its time can be read. */
    public ProcessRun script(Path file) throws IOException, InterruptedException {
        ProcessRun run = run(List.of("-f", file.toString()));
        checked(run);
        return run;
    }

    private ProcessRun run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", connection));
        command.addAll(arguments);
        return ProcessRun.of(command, timeout);
    }

    private static String checked(ProcessRun run) throws IOException {
        if (!run.succeeded()) {
            throw new IOException(run.why("psql"));
        }
        return run.stdout();
    }
}
