package org.sightline.bench;

import java.util.Objects;

/**
 * The best hand-written SQL for a scenario's answer, run straight on the server's database (by
 * {@code psql} and {@code pgbench}) as the baseline Sightline is compared with. The statement is
 * self-contained: it looks up every id it needs by slug or code, as the API does per request.
 *
 * @param sql          one SELECT without a trailing semicolon (it is wrapped as a subquery to count its rows)
 * @param expectedRows the number of rows it must return, the same as the API's answer
 */
public record RawSql(String sql, int expectedRows) {

    public RawSql {
        Objects.requireNonNull(sql, "sql");
        sql = sql.strip();
        if (sql.endsWith(";")) {
            throw new IllegalArgumentException("the raw SQL is wrapped as a subquery, so it must not end with ';'");
        }
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expected rows cannot be negative, got " + expectedRows);
        }
    }

    /** The statement on one line, as a pgbench script takes it most safely. */
    public String oneLine() {
        return sql.replaceAll("\\s+", " ");
    }
}
