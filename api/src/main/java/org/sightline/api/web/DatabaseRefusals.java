package org.sightline.api.web;

import java.sql.SQLException;

/**
 * Recognises the database refusing a value the caller sent (a text too long for its column, a
 * number out of range, a character it cannot store) so that it is answered as the caller's
 * mistake rather than a server fault. Every such value should have been refused before the
 * database saw it; this is the net under those checks, and each catch is logged so the missing
 * check can be added.
 */
public final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /** A plain message for the caller when {@code e} was caused by a value the database refused, else null. */
    public static String messageFor(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("22001")) {
                    return "a value is longer than its field allows";
                }
                if (state.equals("22003")) {
                    return "a number is out of range";
                }
                if (state.startsWith("22")) {
                    return "a value is not valid for its field";
                }
                if (state.startsWith("23")) {
                    return "the change conflicts with data already stored";
                }
            }
        }
        return null;
    }
}
