package org.sightline.api.releases;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.sightline.api.database.Codes;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
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

    /** One validated cell to store; unused characteristic slots are null. */
    record NewCell(int areaId, String period, Integer[] characteristicValueIds, Long count, Long denominator,
                   Double value, Double lowerCi, Double upperCi) {
    }

    private final DSLContext db;

    Releases(DSLContext db) {
        this.db = db;
    }

    void lockIndicator(int indicatorId) {
        db.selectOne().from(INDICATOR).where(INDICATOR.ID.eq(indicatorId)).forUpdate().execute();
    }

    Map<String, AreaRow> areasByCode(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.ID, AREA.CODE, AREA.AREA_TYPE).from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .fetchMap(AREA.CODE, r -> new AreaRow(r.value1(), r.value2(), r.value3()));
    }

    Optional<ReleaseReceipt> findByFile(StoredIndicator indicator, String sha256) {
        return db.selectFrom(RELEASE)
                .where(RELEASE.INDICATOR_ID.eq(indicator.dbId()).and(RELEASE.FILE_SHA256.eq(sha256)))
                .fetchOptional()
                .map(r -> receipt(indicator, r, false));
    }

    /** Stores the release and its cells and publishes it, in the caller's transaction. */
    ReleaseReceipt publish(StoredIndicator indicator, List<NewCell> cells, String areaType, List<Period> periods,
                           String sha256, String fileName, String uploadedBy) {
        int version = db.select(DSL.coalesce(DSL.max(RELEASE.VERSION), 0)).from(RELEASE)
                .where(RELEASE.INDICATOR_ID.eq(indicator.dbId())).fetchOne().value1() + 1;
        OffsetDateTime now = OffsetDateTime.now();
        ReleaseRecord release = db.insertInto(RELEASE)
                .set(RELEASE.INDICATOR_ID, indicator.dbId())
                .set(RELEASE.VERSION, version)
                .set(RELEASE.STATUS, "PUBLISHED")
                .set(RELEASE.FILE_SHA256, sha256)
                .set(RELEASE.FILE_NAME, fileName)
                .set(RELEASE.ROW_COUNT, cells.size())
                .set(RELEASE.AREA_TYPE, areaType)
                .set(RELEASE.UPLOADED_BY, uploadedBy)
                .set(RELEASE.METHOD, "tidy CSV upload")
                .set(RELEASE.PUBLISHED_AT, now)
                .returning()
                .fetchOne();
        Map<String, Integer> periodIds = ensurePeriods(periods);
        var releasePeriods = db.insertInto(RELEASE_PERIOD, RELEASE_PERIOD.RELEASE_ID, RELEASE_PERIOD.PERIOD_ID);
        for (Period period : periods) {
            releasePeriods = releasePeriods.values(release.getId(), periodIds.get(period.code()));
        }
        releasePeriods.execute();
        copyCells(release.getId(), indicator.dbId(), cells, periodIds);
        return receipt(indicator, release, true);
    }

    private Map<String, Integer> ensurePeriods(List<Period> periods) {
        var insert = db.insertInto(PERIOD, PERIOD.CODE, PERIOD.PERIOD_TYPE, PERIOD.START_DATE, PERIOD.END_DATE);
        for (Period p : periods) {
            insert = insert.values(p.code(), p.type().name(), p.start(), p.end());
        }
        insert.onConflictDoNothing().execute();
        return db.select(PERIOD.CODE, PERIOD.ID).from(PERIOD)
                .where(PERIOD.CODE.in(periods.stream().map(Period::code).toList()))
                .fetchMap(PERIOD.CODE, PERIOD.ID);
    }

    /** COPY is an order of magnitude faster than batched INSERTs for the hundreds of thousands of cells a release can hold. */
    private void copyCells(long releaseId, int indicatorId, List<NewCell> cells, Map<String, Integer> periodIds) {
        StringBuilder csv = new StringBuilder(cells.size() * 48);
        for (NewCell cell : cells) {
            csv.append(releaseId).append(',').append(indicatorId).append(',').append(cell.areaId()).append(',')
                    .append(periodIds.get(cell.period()));
            for (Integer valueId : cell.characteristicValueIds()) {
                csv.append(',').append(valueId == null ? "" : valueId);
            }
            for (Object number : new Object[] {cell.count(), cell.denominator(), cell.value(), cell.lowerCi(), cell.upperCi()}) {
                csv.append(',').append(number == null ? "" : number);
            }
            csv.append('\n');
        }
        db.connection(connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY observation (release_id, indicator_id, area_id, period_id, c1_value_id, c2_value_id, c3_value_id, "
                        + "c4_value_id, count, denominator, value, lower_ci, upper_ci) FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString())));
    }

    private ReleaseReceipt receipt(StoredIndicator indicator, ReleaseRecord r, boolean created) {
        List<String> periods = db.select(PERIOD.CODE).from(RELEASE_PERIOD).join(PERIOD).on(PERIOD.ID.eq(RELEASE_PERIOD.PERIOD_ID))
                .where(RELEASE_PERIOD.RELEASE_ID.eq(r.getId())).orderBy(PERIOD.START_DATE, PERIOD.END_DATE).fetch(PERIOD.CODE);
        return new ReleaseReceipt(r.getId(), indicator.id(), r.getVersion(), r.getStatus(), created, r.getRowCount(),
                r.getAreaType(), periods, r.getFileSha256(), r.getUploadedBy(), r.getPublishedAt());
    }
}
