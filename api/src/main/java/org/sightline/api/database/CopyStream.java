package org.sightline.api.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows on their way into a table with PostgreSQL's COPY while a file is still being read: callers
 * append CSV lines to {@link #buffer()} and call {@link #rowWritten()}; memory holds one buffer,
 * never the file. It uses the transaction's connection, which nothing else may use while a COPY is
 * open: {@link #pause} ends the COPY (the next rows reopen it), {@link #cancel} abandons it.
 */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final DSLContext db;
    private final String copySql;
    private final String what;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 512);
    private Connection connection;
    private CopyIn copy;

    /**
     * @param copySql the {@code COPY ... FROM STDIN (FORMAT csv)} statement
     * @param what    what is being stored, for error messages (e.g. "the release's cells")
     */
    public CopyStream(DSLContext db, String copySql, String what) {
        this.db = db;
        this.copySql = copySql;
        this.what = what;
    }

    /** Where the next CSV line goes; call {@link #rowWritten()} after each whole line. */
    public StringBuilder buffer() {
        return buffer;
    }

    /** Sends the buffer once it is full. */
    public void rowWritten() {
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY, so the connection can run other statements. */
    public void pause() {
        flush();
        if (copy != null) {
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new DataAccessException("storing " + what + " failed: " + e.getMessage(), e);
            } finally {
                copy = null;
                releaseConnection();
            }
        }
    }

    /** Abandons what was sent (the transaction is rolled back anyway). */
    public void cancel() {
        buffer.setLength(0);
        if (copy != null) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is being rolled back
            } finally {
                copy = null;
                releaseConnection();
            }
        }
    }

    @Override
    public void close() {
        pause();
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            if (copy == null) {
                connection = db.configuration().connectionProvider().acquire();
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        } catch (SQLException e) {
            throw new DataAccessException("storing " + what + " failed: " + e.getMessage(), e);
        }
    }

    private void releaseConnection() {
        if (connection != null) {
            db.configuration().connectionProvider().release(connection);
            connection = null;
        }
    }
}
