package org.sightline.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * What the database holds, compact enough to compare before and after a refused request: every
 * table of the schema, small ones row by row (as a digest), large ones by row count. Equal
 * snapshots mean a request changed nothing a caller could see.
 */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {
    }

    /** Table name to {@code rows/digest}, in table order. */
    public static Map<String, String> of(DSLContext db) {
        Map<String, String> state = new LinkedHashMap<>();
        List<String> tables = db.fetch("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname""").getValues(0, String.class);
        for (String table : tables) {
            long rows = db.fetchOne("SELECT count(*) FROM \"" + table + "\"").get(0, Long.class);
            String digest = rows > 20_000 ? "" : db.fetchOne("SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \""
                    + table + "\" t").get(0, String.class);
            state.put(table, rows + "/" + digest);
        }
        return state;
    }
}
