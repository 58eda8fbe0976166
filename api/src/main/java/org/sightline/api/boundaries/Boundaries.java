package org.sightline.api.boundaries;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_BOUNDARY;

import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.sightline.api.database.Codes;
import org.springframework.stereotype.Repository;

/** Area boundaries (GeoJSON geometry text) in PostgreSQL. */
@Repository
class Boundaries {

    private final DSLContext db;

    Boundaries(DSLContext db) {
        this.db = db;
    }

    Map<String, Integer> areaIds(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.CODE, AREA.ID).from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted))).fetchMap(AREA.CODE, AREA.ID);
    }

    void store(int areaId, String geometry, String source) {
        db.insertInto(AREA_BOUNDARY, AREA_BOUNDARY.AREA_ID, AREA_BOUNDARY.GEOMETRY, AREA_BOUNDARY.SOURCE)
                .values(areaId, geometry, source)
                .onConflict(AREA_BOUNDARY.AREA_ID).doUpdate()
                .set(AREA_BOUNDARY.GEOMETRY, geometry).set(AREA_BOUNDARY.SOURCE, source)
                .execute();
    }

    /** Boundaries by area code, for the areas that have one. */
    Map<String, String> byCodes(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.CODE, AREA_BOUNDARY.GEOMETRY).from(wanted)
                .join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .join(AREA_BOUNDARY).on(AREA_BOUNDARY.AREA_ID.eq(AREA.ID))
                .fetchMap(AREA.CODE, AREA_BOUNDARY.GEOMETRY);
    }
}
