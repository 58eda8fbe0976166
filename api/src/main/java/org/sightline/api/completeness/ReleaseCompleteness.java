package org.sightline.api.completeness;

import static org.sightline.db.Tables.RELEASE_COMPLETENESS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.api.releases.ReleasePublished;
import org.sightline.api.versions.DataVersion;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes a release's completeness once, as it is published, and stores it
 * ({@code release_completeness}). The share unknown is a number derived from sensitive cells, so
 * it is post-processing of protected numbers only: the answer the PUBLIC gets - through the same
 * {@link ObservationService} door - at the release's coarsest area type, broken down by the type,
 * for the release's periods (the public's stored noisy tables for a sensitive indicator, exact
 * values for an open one). Nothing here reads a stored cell.
 * <p>
 * It runs after the publishing transaction commits (the public's question must see the release),
 * in its own transaction, then moves the data version on (the public's answers are kept per
 * version and show completeness). Releases without completeness at start-up (published before
 * this existed, or whose computation failed) are computed then.
 */
@Component
class ReleaseCompleteness {

    private static final Logger log = LoggerFactory.getLogger(ReleaseCompleteness.class);

    /** Codes that mean "unknown" or "not stated" when a value is not marked {@code is_unknown}. */
    static final List<String> UNKNOWN_CODES = List.of("unknown", "not_stated", "not-stated", "u", "z");

    private final DSLContext db;
    private final ObservationService observations;
    private final DataVersion dataVersion;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final double partlyAbovePercent;

    ReleaseCompleteness(DSLContext db, ObservationService observations, DataVersion dataVersion, Clock clock,
                        PlatformTransactionManager transactions,
                        @Value("${sightline.completeness.partly-above-percent:5}") double partlyAbovePercent) {
        this.db = db;
        this.observations = observations;
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.partlyAbovePercent = partlyAbovePercent;
    }

    double partlyAbovePercent() {
        return partlyAbovePercent;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onPublished(ReleasePublished release) {
        computeLogged(release.releaseId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void computeMissing() {
        // Releases still current for every period they cover: an older one's periods now answer from a newer release.
        List<Long> missing = db.fetch("""
                SELECT r.id FROM release r
                WHERE r.status = 'PUBLISHED'
                  AND NOT EXISTS (SELECT 1 FROM release_completeness c WHERE c.release_id = r.id)
                  AND EXISTS (SELECT 1 FROM indicator_characteristic_type ict WHERE ict.indicator_id = r.indicator_id)
                  AND NOT EXISTS (SELECT 1 FROM release_period rp JOIN release_period newer ON newer.period_id = rp.period_id
                                  JOIN release n ON n.id = newer.release_id
                                  WHERE rp.release_id = r.id AND n.indicator_id = r.indicator_id AND n.status = 'PUBLISHED'
                                    AND n.id > r.id)
                ORDER BY r.id""").getValues(0, Long.class);
        missing.forEach(this::computeLogged);
    }

    private void computeLogged(long releaseId) {
        try {
            // The public's questions are asked first, each in its own transaction: a refused one
            // (e.g. a breakdown the public's tables leave out) must not mark the transaction that
            // stores the rows as rollback-only.
            Map<Integer, Row> rows = compute(releaseId);
            ownTransaction.executeWithoutResult(status -> store(releaseId, rows));
        } catch (RuntimeException e) {
            // The release is published whatever happens here; the next start-up tries again.
            log.warn("completeness of release {} not computed: {}", releaseId, e.toString());
        }
    }

    /** One row per characteristic type of the release's indicator, by characteristic type id. */
    private Map<Integer, Row> compute(long releaseId) {
        var release = db.fetchOne("""
                SELECT i.id, i.slug, i.measure_type,
                       (SELECT coalesce(array_agg(p.code ORDER BY p.start_date), '{}') FROM release_period rp
                        JOIN period p ON p.id = rp.period_id WHERE rp.release_id = r.id) AS periods,
                       (SELECT rat.area_type FROM release_area_type rat JOIN area_type t ON t.code = rat.area_type
                        WHERE rat.release_id = r.id ORDER BY t.granularity LIMIT 1) AS top_level
                FROM release r JOIN indicator i ON i.id = r.indicator_id WHERE r.id = ?""", releaseId);
        int indicatorDbId = release.get("id", Integer.class);
        String indicator = release.get("slug", String.class);
        List<String> periods = List.of((String[]) release.get("periods"));
        String topLevel = release.get("top_level", String.class);
        Map<Integer, String> types = new LinkedHashMap<>();
        Map<String, Set<String>> unknownCodes = new LinkedHashMap<>();
        db.fetch("""
                SELECT t.id, t.code, v.code AS value_code,
                       (v.is_unknown OR lower(v.code) = ANY(?)) AS unknown
                FROM indicator_characteristic_type ict JOIN characteristic_type t ON t.id = ict.characteristic_type_id
                JOIN characteristic_value v ON v.type_id = t.id AND NOT v.is_total
                WHERE ict.indicator_id = ? ORDER BY ict.position""", UNKNOWN_CODES.toArray(String[]::new), indicatorDbId)
                .forEach(r -> {
                    types.put(r.get("id", Integer.class), r.get("code", String.class));
                    Set<String> unknown = unknownCodes.computeIfAbsent(r.get("code", String.class), c -> new HashSet<>());
                    if (Boolean.TRUE.equals(r.get("unknown", Boolean.class))) {
                        unknown.add(r.get("value_code", String.class));
                    }
                });
        Map<Integer, Row> rows = new LinkedHashMap<>();
        for (var type : types.entrySet()) {
            rows.put(type.getKey(), "NON_ADDITIVE".equals(release.get("measure_type", String.class))
                    ? Row.recordedWithoutShare("a NON_ADDITIVE value (a score) has no count to share among values")
                    : rowFor(indicator, type.getValue(), unknownCodes.get(type.getValue()), periods, topLevel));
        }
        return rows;
    }

    private void store(long releaseId, Map<Integer, Row> rows) {
        db.execute("DELETE FROM release_completeness WHERE release_id = ?", releaseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (var type : rows.entrySet()) {
            Row row = type.getValue();
            db.insertInto(RELEASE_COMPLETENESS)
                    .set(RELEASE_COMPLETENESS.RELEASE_ID, releaseId)
                    .set(RELEASE_COMPLETENESS.CHARACTERISTIC_TYPE_ID, type.getKey())
                    .set(RELEASE_COMPLETENESS.COVERAGE, row.coverage().name())
                    .set(RELEASE_COMPLETENESS.UNKNOWN_COUNT, row.unknown())
                    .set(RELEASE_COMPLETENESS.TOTAL_COUNT, row.total())
                    .set(RELEASE_COMPLETENESS.UNKNOWN_PERCENT, row.percent())
                    .set(RELEASE_COMPLETENESS.WORST_PERIOD_CODE, row.worstPeriod())
                    .set(RELEASE_COMPLETENESS.WORST_PERIOD_UNKNOWN_PERCENT, row.worstPercent())
                    .set(RELEASE_COMPLETENESS.NOTE, row.note())
                    .set(RELEASE_COMPLETENESS.COMPUTED_AT, now)
                    .execute();
        }
        dataVersion.bump();
    }

    /** What is stored for one type. */
    record Row(Coverage coverage, Double unknown, Double total, Double percent, String worstPeriod, Double worstPercent, String note) {
        static Row recordedWithoutShare(String note) {
            return new Row(Coverage.RECORDED, null, null, null, null, null, note);
        }
    }

    private Row rowFor(String indicator, String type, Set<String> unknownValues, List<String> periods, String topLevel) {
        if (topLevel == null || periods.isEmpty()) {
            return Row.recordedWithoutShare("the release has no areas or periods to total");
        }
        List<PublishedObservation> answer;
        try {
            // In a transaction of its own: a refusal rolls back only this question, and the caller
            // (possibly the publishing transaction's after-commit phase) is never joined.
            answer = ownTransaction.execute(status -> observations.answer(new ObservationQuery(indicator,
                    AreaSelector.within(null, topLevel), PeriodSelector.of(false, periods, null, null), List.of(type), List.of()),
                    Caller.PUBLIC));
        } catch (RuntimeException refused) {
            return Row.recordedWithoutShare("no share derived: the public's question at " + topLevel + " level is refused ("
                    + refused.getMessage() + ")");
        }
        Map<String, double[]> byPeriod = new LinkedHashMap<>();
        periods.forEach(p -> byPeriod.put(p, new double[2]));
        for (PublishedObservation o : answer) {
            if (o.count() == null) {
                return Row.recordedWithoutShare("no share derived: some of the public's " + topLevel + " figures by " + type
                        + " are withheld");
            }
            CharacteristicRef value = o.characteristics().get(0);
            double[] sums = byPeriod.computeIfAbsent(o.period().code(), p -> new double[2]);
            sums[1] += o.count();
            if (unknownValues.contains(value.code())) {
                sums[0] += o.count();
            }
        }
        double unknown = 0;
        double total = 0;
        String worstPeriod = null;
        double worstPercent = -1;
        for (var period : byPeriod.entrySet()) {
            unknown += period.getValue()[0];
            total += period.getValue()[1];
            if (period.getValue()[1] > 0) {
                double percent = 100 * period.getValue()[0] / period.getValue()[1];
                if (percent > worstPercent) {
                    worstPercent = percent;
                    worstPeriod = period.getKey();
                }
            }
        }
        if (total == 0) {
            return new Row(Coverage.RECORDED, 0.0, 0.0, null, null, null, "no counts to share: the public's totals are zero");
        }
        double percent = 100 * unknown / total;
        Coverage coverage = unknown == total ? Coverage.NOT_RECORDED
                : percent > partlyAbovePercent || worstPercent > partlyAbovePercent ? Coverage.PARTLY : Coverage.RECORDED;
        String note = unknownValues.isEmpty() ? "no value of " + type + " means unknown or not stated" : null;
        return new Row(coverage, unknown, total, percent, worstPeriod, worstPercent, note);
    }

    /** Rows of the releases given, for reading. */
    List<StoredRow> stored(List<Long> releaseIds) {
        List<StoredRow> rows = new ArrayList<>();
        db.fetch("""
                SELECT c.release_id, t.code, c.coverage, c.unknown_count, c.total_count, c.unknown_percent, c.worst_period_code,
                       c.worst_period_unknown_percent, c.note
                FROM release_completeness c JOIN characteristic_type t ON t.id = c.characteristic_type_id
                WHERE c.release_id = ANY(?)""", (Object) releaseIds.toArray(Long[]::new))
                .forEach(r -> rows.add(new StoredRow(r.get(0, Long.class), r.get(1, String.class), Coverage.valueOf(r.get(2, String.class)),
                        r.get(3, Double.class), r.get(4, Double.class), r.get(5, Double.class), r.get(6, String.class),
                        r.get(7, Double.class), r.get(8, String.class))));
        return rows;
    }

    /** A stored row, by characteristic type code. */
    record StoredRow(long releaseId, String type, Coverage coverage, Double unknownCount, Double totalCount, Double unknownPercent,
                     String worstPeriod, Double worstPeriodUnknownPercent, String note) {
    }
}
