package org.sightline.api.database;

import java.util.Collection;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A list of codes as a table to join against. {@code code = ANY(array)} compares every row with
 * every element, which takes minutes for the tens of thousands of codes in an ONS lookup; a join
 * against {@code unnest(array)} uses the index on each code instead.
 */
public final class Codes {

    private Codes() {
    }

    /** The codes as a one-column table, with its column named {@code code}. */
    @SuppressWarnings("unchecked")
    public static Table<Record1<String>> table(Collection<String> codes, String alias) {
        return (Table<Record1<String>>) DSL.unnest(codes.toArray(String[]::new)).as(alias, "code");
    }

    public static Field<String> code(Table<Record1<String>> table) {
        return table.field("code", String.class);
    }
}
