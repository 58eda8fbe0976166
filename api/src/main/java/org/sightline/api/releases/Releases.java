package org.sightline.api.releases;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import java.util.HashMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.api.database.CopyStream;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.db.tables.records.ReleaseRecord;
import org.sightline.domain.time.Period;
import org.springframework.stereotype.Repository;

/** Releases, their periods and their observation cells in PostgreSQL. */
@Repository
public class Releases {

    /** An area as the release importer needs it. */
    record AreaRow(int id, String code, String type) {
    }

    private final DSLContext db;
    private final Clock clock;

    Releases(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void lockIndicator(int indicatorId) {
        db.selectOne().from(INDICATOR).where(INDICATOR.ID.eq(indicatorId)).forUpdate().execute();
    }

    Optional<ReleaseReceipt> findByFile(StoredIndicator indicator, String sha256) {
        return db.selectFrom(RELEASE)
                .where(RELEASE.INDICATOR_ID.eq(indicator.dbId()).and(RELEASE.FILE_SHA256.eq(sha256)))
                .fetchOptional()
                .map(r -> receipt(indicator, r, false));
    }

    /** Every area by code, with its id and type (the geography is tens of thousands of rows, read once per upload). */
    Map<String, AreaRow> allAreas() {
        Map<String, AreaRow> areas = new HashMap<>();
        db.select(AREA.ID, AREA.CODE, AREA.AREA_TYPE).from(AREA).fetchSize(10_000)
                .forEach(r -> areas.put(r.value2(), new AreaRow(r.value1(), r.value2(), r.value3())));
        return areas;
    }

    /** A new release id, taken before its cells are streamed in (its row is stored once they are all checked). */
    long reserveReleaseId() {
        return db.fetchSingle("SELECT nextval(pg_get_serial_sequence('release', 'id'))").get(0, Long.class);
    }

    /** The period's id, storing the period if it is new (in the caller's transaction). */
    int ensurePeriod(Period p) {
        db.insertInto(PERIOD, PERIOD.CODE, PERIOD.PERIOD_TYPE, PERIOD.START_DATE, PERIOD.END_DATE)
                .values(p.code(), p.type().name(), p.start(), p.end())
                .onConflictDoNothing().execute();
        return db.select(PERIOD.ID).from(PERIOD).where(PERIOD.CODE.eq(p.code())).fetchSingle().value1();
    }

    /**
     * Stores the release row and its periods, published, after its cells were streamed in with
     * {@link #cellWriter}; releases it replaces for all of their periods become SUPERSEDED.
     */
    ReleaseReceipt publish(StoredIndicator indicator, long releaseId, long rows, String areaType, Collection<Integer> periodIds,
                           String sha256, String fileName, String uploadedBy, Integer organisationId, Provenance provenance,
                           Integer agreementId) {
        int version = db.select(DSL.coalesce(DSL.max(RELEASE.VERSION), 0)).from(RELEASE)
                .where(RELEASE.INDICATOR_ID.eq(indicator.dbId())).fetchOne().value1() + 1;
        ReleaseRecord release = db.insertInto(RELEASE)
                .set(RELEASE.ID, releaseId)
                .set(RELEASE.INDICATOR_ID, indicator.dbId())
                .set(RELEASE.VERSION, version)
                .set(RELEASE.STATUS, "PUBLISHED")
                .set(RELEASE.FILE_SHA256, sha256)
                .set(RELEASE.FILE_NAME, fileName)
                .set(RELEASE.ROW_COUNT, Math.toIntExact(rows))
                .set(RELEASE.AREA_TYPE, areaType)
                .set(RELEASE.UPLOADED_BY, uploadedBy)
                .set(RELEASE.ORGANISATION_ID, organisationId)
                .set(RELEASE.METHOD, provenance.method())
                .set(RELEASE.AGREEMENT_ID, agreementId)
                .set(RELEASE.CORRECTS_RELEASE_ID, provenance.correctsRelease())
                .set(RELEASE.CORRECTION_REASON, provenance.correctionReason())
                .set(RELEASE.PUBLISHED_AT, OffsetDateTime.now(clock))
                .returning()
                .fetchOne();
        var releasePeriods = db.insertInto(RELEASE_PERIOD, RELEASE_PERIOD.RELEASE_ID, RELEASE_PERIOD.PERIOD_ID);
        for (int periodId : periodIds) {
            releasePeriods = releasePeriods.values(releaseId, periodId);
        }
        releasePeriods.execute();
        refreshStatuses(indicator.dbId());
        return receipt(indicator, release, true);
    }

    /**
     * Sets each release of the indicator that is not withdrawn to SUPERSEDED when every one of its
     * periods is covered by a newer release that is not withdrawn, and to PUBLISHED otherwise (a
     * release comes back when the correction that replaced it is withdrawn). Questions read, per
     * period, the newest PUBLISHED release, so this changes no answer; it keeps the statuses true.
     */
    void refreshStatuses(int indicatorDbId) {
        db.execute("""
                UPDATE release r SET status = s.status,
                       superseded_at = CASE WHEN s.status = 'SUPERSEDED' THEN coalesce(r.superseded_at, ?::timestamptz) END
                FROM (SELECT r1.id, CASE WHEN NOT EXISTS (
                             SELECT 1 FROM release_period rp WHERE rp.release_id = r1.id AND NOT EXISTS (
                                 SELECT 1 FROM release_period rp2 JOIN release r2 ON r2.id = rp2.release_id
                                 WHERE rp2.period_id = rp.period_id AND r2.indicator_id = r1.indicator_id
                                   AND r2.status <> 'WITHDRAWN' AND r2.version > r1.version))
                             THEN 'SUPERSEDED' ELSE 'PUBLISHED' END AS status
                      FROM release r1 WHERE r1.indicator_id = ? AND r1.status IN ('PUBLISHED', 'SUPERSEDED')) s
                WHERE r.id = s.id AND r.status <> s.status""", OffsetDateTime.now(clock), indicatorDbId);
    }

    /** An agreement as a release names it: its id, whether it covers the indicator, whether the organisation is a party, whether live today. */
    record NamedAgreement(int id, boolean coversIndicator, boolean organisationIsParty, boolean live) {
    }

    Optional<NamedAgreement> agreement(String code, int indicatorDbId, Integer organisationId) {
        LocalDate today = LocalDate.now(clock);
        return db.fetchOptional("""
                SELECT a.id,
                       EXISTS (SELECT 1 FROM agreement_indicator ai WHERE ai.agreement_id = a.id AND ai.indicator_id = ?),
                       EXISTS (SELECT 1 FROM agreement_party ap WHERE ap.agreement_id = a.id AND ap.organisation_id = ?),
                       a.status = 'APPROVED' AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
                FROM data_sharing_agreement a WHERE a.code = ?""", indicatorDbId, organisationId, today, today, code)
                .map(r -> new NamedAgreement(r.get(0, Integer.class), r.get(1, Boolean.class), r.get(2, Boolean.class),
                        r.get(3, Boolean.class)));
    }

    /** The release row of {@code releaseId}, if it exists. */
    Optional<ReleaseRecord> find(long releaseId) {
        return db.selectFrom(RELEASE).where(RELEASE.ID.eq(releaseId)).fetchOptional();
    }

    /** The periods of a release, oldest first. */
    List<String> periodCodes(long releaseId) {
        return db.select(PERIOD.CODE).from(RELEASE_PERIOD).join(PERIOD).on(PERIOD.ID.eq(RELEASE_PERIOD.PERIOD_ID))
                .where(RELEASE_PERIOD.RELEASE_ID.eq(releaseId)).orderBy(PERIOD.START_DATE, PERIOD.END_DATE).fetch(PERIOD.CODE);
    }

    /**
     * Streams a release's cells into {@code observation} with COPY while the file is still being
     * read, so the database stores rows while the next ones are checked and memory holds one
     * buffer, not the file. Nothing else may use the transaction's connection while a COPY is open:
     * {@link CellWriter#pause} ends it (e.g. to store a new period) and the next cell reopens it.
     */
    CellWriter cellWriter(long releaseId, int indicatorId) {
        return new CellWriter(releaseId, indicatorId);
    }

    /** One release's cells on their way into {@code observation}; close or {@link #cancel} it. */
    final class CellWriter implements AutoCloseable {

        private static final String COPY = "COPY observation (release_id, indicator_id, area_id, period_id, c1_value_id, c2_value_id, "
                + "c3_value_id, c4_value_id, count, denominator, value, lower_ci, upper_ci) FROM STDIN (FORMAT csv)";

        private final String prefix;
        private final CopyStream stream = new CopyStream(db, COPY, "the release's cells");
        private long rows;

        private CellWriter(long releaseId, int indicatorId) {
            this.prefix = releaseId + "," + indicatorId + ",";
        }

        void write(int areaId, int periodId, int[] valueIds, Long count, Long denominator, Double value, Double lowerCi, Double upperCi) {
            StringBuilder buffer = stream.buffer();
            buffer.append(prefix).append(areaId).append(',').append(periodId);
            for (int i = 0; i < 4; i++) {
                buffer.append(',');
                if (i < valueIds.length && valueIds[i] != 0) {
                    buffer.append(valueIds[i]);
                }
            }
            appendNumber(buffer, count);
            appendNumber(buffer, denominator);
            appendNumber(buffer, value);
            appendNumber(buffer, lowerCi);
            appendNumber(buffer, upperCi);
            buffer.append('\n');
            rows++;
            stream.rowWritten();
        }

        long rows() {
            return rows;
        }

        private static void appendNumber(StringBuilder buffer, Object number) {
            buffer.append(',');
            if (number != null) {
                buffer.append(number);
            }
        }

        /** Sends what is buffered and ends the COPY, so the connection can run other statements. */
        void pause() {
            stream.pause();
        }

        /** Abandons the cells sent (the transaction is rolled back anyway). */
        void cancel() {
            stream.cancel();
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private ReleaseReceipt receipt(StoredIndicator indicator, ReleaseRecord r, boolean created) {
        List<String> periods = periodCodes(r.getId());
        return new ReleaseReceipt(r.getId(), indicator.id(), r.getVersion(), r.getStatus(), created, r.getRowCount(),
                r.getAreaType(), periods, r.getFileSha256(), r.getUploadedBy(), r.getPublishedAt());
    }
}
