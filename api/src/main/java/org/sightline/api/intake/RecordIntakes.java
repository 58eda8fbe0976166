package org.sightline.api.intake;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.ORGANISATION;
import static org.sightline.db.Tables.RECORD_INTAKE;
import static org.sightline.db.Tables.RECORD_INTAKE_PARTY;
import static org.sightline.db.Tables.RECORD_INTAKE_UPLOAD;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Record intakes, their parties and the files accepted, in PostgreSQL. Never a record. */
@Repository
class RecordIntakes {

    /** A stored intake: its row id, owner, the definition as JSON and the organisations party to it. */
    record StoredIntake(int dbId, String code, int organisationId, String definitionJson, Set<Integer> parties) {
    }

    private final DSLContext db;

    RecordIntakes(DSLContext db) {
        this.db = db;
    }

    Optional<StoredIntake> find(String code) {
        return db.selectFrom(RECORD_INTAKE).where(RECORD_INTAKE.CODE.eq(code)).fetchOptional()
                .map(r -> new StoredIntake(r.getId(), r.getCode(), r.getOrganisationId(), r.getDefinition(),
                        Set.copyOf(db.select(RECORD_INTAKE_PARTY.ORGANISATION_ID).from(RECORD_INTAKE_PARTY)
                                .where(RECORD_INTAKE_PARTY.INTAKE_ID.eq(r.getId())).fetch(RECORD_INTAKE_PARTY.ORGANISATION_ID))));
    }

    /** Serialises uploads to one intake, so the same file sent twice at once is still one upload. */
    void lock(int intakeDbId) {
        db.selectOne().from(RECORD_INTAKE).where(RECORD_INTAKE.ID.eq(intakeDbId)).forUpdate().execute();
    }

    int insert(String code, int organisationId, String definitionJson, Collection<Integer> parties, String by) {
        int id = db.insertInto(RECORD_INTAKE, RECORD_INTAKE.CODE, RECORD_INTAKE.ORGANISATION_ID, RECORD_INTAKE.DEFINITION,
                RECORD_INTAKE.CREATED_BY).values(code, organisationId, definitionJson, by).returning(RECORD_INTAKE.ID).fetchOne().getId();
        for (int party : parties) {
            db.insertInto(RECORD_INTAKE_PARTY, RECORD_INTAKE_PARTY.INTAKE_ID, RECORD_INTAKE_PARTY.ORGANISATION_ID).values(id, party).execute();
        }
        return id;
    }

    Map<String, Integer> organisations() {
        return db.select(ORGANISATION.CODE, ORGANISATION.ID).from(ORGANISATION).fetchMap(ORGANISATION.CODE, ORGANISATION.ID);
    }

    String organisationName(int id) {
        return db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOne(ORGANISATION.NAME);
    }

    /** The report of a file accepted before, by its SHA-256. */
    Optional<String> uploadedReport(int intakeDbId, String sha256) {
        return db.select(RECORD_INTAKE_UPLOAD.REPORT).from(RECORD_INTAKE_UPLOAD)
                .where(RECORD_INTAKE_UPLOAD.INTAKE_ID.eq(intakeDbId)).and(RECORD_INTAKE_UPLOAD.FILE_SHA256.eq(sha256))
                .fetchOptional(RECORD_INTAKE_UPLOAD.REPORT);
    }

    void recordUpload(int intakeDbId, String sha256, long read, long accepted, long rejected, String reportJson, String by) {
        db.insertInto(RECORD_INTAKE_UPLOAD)
                .set(RECORD_INTAKE_UPLOAD.INTAKE_ID, intakeDbId)
                .set(RECORD_INTAKE_UPLOAD.FILE_SHA256, sha256)
                .set(RECORD_INTAKE_UPLOAD.ROWS_READ, Math.toIntExact(read))
                .set(RECORD_INTAKE_UPLOAD.ROWS_ACCEPTED, Math.toIntExact(accepted))
                .set(RECORD_INTAKE_UPLOAD.ROWS_REJECTED, Math.toIntExact(rejected))
                .set(RECORD_INTAKE_UPLOAD.REPORT, reportJson)
                .set(RECORD_INTAKE_UPLOAD.UPLOADED_BY, by)
                .execute();
    }

    /**
     * The areas a release of the intake gives a cell in every period: the areas with records, and
     * every area of the grain in the districts they lie in (for sectors, which lie in no district,
     * the sectors with records), by id with their codes.
     */
    Map<Integer, String> areasToCover(Collection<Integer> areaIds, String grain) {
        Map<Integer, String> codes = new HashMap<>();
        db.fetch("""
                WITH rec(id) AS (SELECT unnest(?::integer[])),
                districts AS (SELECT DISTINCT c.ancestor_id AS id FROM area_closure c JOIN rec ON rec.id = c.descendant_id
                              JOIN area l ON l.id = c.ancestor_id AND l.area_type = 'lad')
                SELECT a.id, a.code FROM area_closure c JOIN districts d ON d.id = c.ancestor_id
                JOIN area a ON a.id = c.descendant_id AND a.area_type = ?
                UNION
                SELECT a.id, a.code FROM area a JOIN rec ON rec.id = a.id""", areaIds.toArray(Integer[]::new), grain)
                .forEach(r -> codes.put(r.get(0, Integer.class), r.get(1, String.class)));
        return codes;
    }

    List<String> codesOf(Collection<Integer> areaIds) {
        return db.select(AREA.CODE).from(AREA).where(AREA.ID.in(areaIds)).fetch(AREA.CODE);
    }
}
