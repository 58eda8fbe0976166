package org.sightline.api.organisations;

import static org.sightline.db.Tables.ORGANISATION;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Partner organisations in PostgreSQL. */
@Repository
public class Organisations {

    private final DSLContext db;

    Organisations(DSLContext db) {
        this.db = db;
    }

    /** Every organisation, ordered by code. */
    public List<Organisation> all() {
        return db.selectFrom(ORGANISATION).orderBy(ORGANISATION.CODE)
                .fetch(r -> new Organisation(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    public Optional<Organisation> find(String code) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.CODE.eq(code))
                .fetchOptional(r -> new Organisation(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    /** The organisations with these database ids, in one statement, by id. */
    public Map<Integer, Organisation> byIds(Collection<Integer> ids) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.ID.in(ids))
                .fetchMap(ORGANISATION.ID, r -> new Organisation(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    /** The organisations with these codes, in one statement, by code (unknown codes are absent). */
    public Map<String, Organisation> byCodes(Collection<String> codes) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.CODE.in(codes))
                .fetchMap(ORGANISATION.CODE, r -> new Organisation(r.getId(), r.getCode(), r.getName(), r.getKind()));
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
