package org.sightline.api.limits;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The longest a question may keep the database busy. Applied with {@code SET LOCAL
 * statement_timeout} to the read-only transaction a question is answered in, so PostgreSQL itself
 * cancels a runaway statement (and frees its connection) even when the client has gone; uploads
 * and publishing run in their own transactions and are not limited by it. A cancelled statement
 * fails with SQLState 57014, which {@link #cancelled} recognises so the caller is told which
 * limit it hit instead of getting an internal error.
 */
@Component
public class StatementTimeout {

    /** PostgreSQL's query_canceled: a statement timeout (or a cancel request). */
    static final String QUERY_CANCELED = "57014";
    static final String PROPERTY = "sightline.limits.statement-timeout";

    private final DataSource dataSource;
    private volatile Duration timeout;

    StatementTimeout(DataSource dataSource, @Value("${sightline.limits.statement-timeout:30s}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** Limits the statements of the current transaction (a no-op when the timeout is zero: unlimited). */
    public void applyToCurrentTransaction() {
        long millis = timeout.toMillis();
        if (millis <= 0) {
            return;
        }
        // Plain JDBC on the transaction's own connection: one round trip, not a question's SQL.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + millis);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the statement timeout", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** What the caller is told when a question ran out of time. */
    public String refusal() {
        return "the question took longer than " + readable(timeout) + ", the limit for one question (" + PROPERTY
                + "); ask for fewer areas, periods or breakdowns";
    }

    /** Whether an exception is a statement cancelled by the database (the timeout). */
    public static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** For tests: a different timeout until reset. */
    void set(Duration timeout) {
        this.timeout = timeout;
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
