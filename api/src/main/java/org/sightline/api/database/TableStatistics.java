package org.sightline.api.database;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load. Without it, the first roll-up after
 * loading England's LSOAs was planned on the statistics of empty tables and took minutes instead
 * of milliseconds (until autovacuum caught up). Call it after the load has committed.
 */
@Component
public class TableStatistics {

    /** The tables bulk loads change, in two groups. */
    public enum Tables {
        GEOGRAPHY("area", "area_link", "area_closure"),
        OBSERVATIONS("period", "release", "release_period", "observation", "public_table_cell");

        private final String[] names;

        Tables(String... names) {
            this.names = names;
        }
    }

    private final DSLContext db;

    TableStatistics(DSLContext db) {
        this.db = db;
    }

    public void refresh(Tables tables) {
        for (String table : tables.names) {
            db.execute("ANALYZE " + table);
        }
    }
}
