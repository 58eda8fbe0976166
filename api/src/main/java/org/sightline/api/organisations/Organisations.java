package org.sightline.api.organisations;

import static org.sightline.db.Tables.ORGANISATION;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Partner organisations in PostgreSQL. */
@Repository
public class Organisations {

    private final DSLContext db;

    Organisations(DSLContext db) {
        this.db = db;
    }

    public java.util.Optional<Integer> idOf(String code) {
        return code == null ? java.util.Optional.empty()
                : db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.CODE.eq(code)).fetchOptional(ORGANISATION.ID);
    }

    /** Creates the organisation if its code is new; returns its id either way. */
    public int ensure(String code, String name, String kind) {
        db.insertInto(ORGANISATION, ORGANISATION.CODE, ORGANISATION.NAME, ORGANISATION.KIND)
                .values(code, name, kind).onConflictDoNothing().execute();
        return db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.CODE.eq(code)).fetchOne().value1();
    }
}
