package org.sightline.api.releases;

import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.ORGANISATION;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Repository;

/**
 * Every release of an indicator with its provenance, newest first: the history a user reads to
 * trust a figure (who sent what, when, under which agreement, how it was made, what it corrected,
 * what was withdrawn and why).
 */
@Repository
public class ReleaseHistory {

    /**
     * One release as callers see it. Who uploaded or withdrew it and how many cells it holds are
     * shown only to the owning organisation's steward and to operators; everyone else gets null.
     */
    public record ReleaseView(long id, String indicator, int version, String status, List<String> periods, String areaType,
                              OffsetDateTime publishedAt, String organisation, String uploadedBy, Integer cells, String fileName,
                              String fileSha256, String method, String agreement, Long corrects, String correctionReason,
                              OffsetDateTime supersededAt, OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawalReason) {
    }

    private final DSLContext db;
    private final org.sightline.api.indicators.Indicators indicators;

    ReleaseHistory(DSLContext db, org.sightline.api.indicators.Indicators indicators) {
        this.db = db;
        this.indicators = indicators;
    }

    /** The indicator's releases, newest first, in one statement. */
    public List<ReleaseView> of(StoredIndicator indicator, Caller caller) {
        return read(indicator, caller, RELEASE.INDICATOR_ID.eq(indicator.dbId()));
    }

    /** One release (which exists). */
    ReleaseView one(long releaseId, Caller caller) {
        String slug = db.select(INDICATOR.SLUG).from(RELEASE).join(INDICATOR).on(INDICATOR.ID.eq(RELEASE.INDICATOR_ID))
                .where(RELEASE.ID.eq(releaseId)).fetchSingle().value1();
        return read(indicators.find(slug).orElseThrow(), caller, RELEASE.ID.eq(releaseId)).get(0);
    }

    private List<ReleaseView> read(StoredIndicator indicator, Caller caller, org.jooq.Condition which) {
        boolean insider = caller.role() == Role.ADMIN
                || (caller.role() == Role.STEWARD && caller.organisationId().equals(indicator.ownerOrganisationId()));
        var periods = DSL.field(DSL.select(DSL.arrayAgg(PERIOD.CODE).orderBy(PERIOD.START_DATE, PERIOD.END_DATE))
                .from(RELEASE_PERIOD).join(PERIOD).on(PERIOD.ID.eq(RELEASE_PERIOD.PERIOD_ID))
                .where(RELEASE_PERIOD.RELEASE_ID.eq(RELEASE.ID))).as("periods");
        return db.select(RELEASE.asterisk(), periods, ORGANISATION.NAME, DATA_SHARING_AGREEMENT.CODE)
                .from(RELEASE)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(RELEASE.ORGANISATION_ID))
                .leftJoin(DATA_SHARING_AGREEMENT).on(DATA_SHARING_AGREEMENT.ID.eq(RELEASE.AGREEMENT_ID))
                .where(which)
                .orderBy(RELEASE.VERSION.desc())
                .fetch(r -> view(indicator, r, periods.getName(), insider));
    }

    private static ReleaseView view(StoredIndicator indicator, Record r, String periodsField, boolean insider) {
        String[] periodCodes = r.get(periodsField, String[].class);
        return new ReleaseView(r.get(RELEASE.ID), indicator.id(), r.get(RELEASE.VERSION), r.get(RELEASE.STATUS),
                periodCodes == null ? List.of() : List.of(periodCodes), r.get(RELEASE.AREA_TYPE), r.get(RELEASE.PUBLISHED_AT),
                r.get(ORGANISATION.NAME), insider ? r.get(RELEASE.UPLOADED_BY) : null, insider ? r.get(RELEASE.ROW_COUNT) : null,
                r.get(RELEASE.FILE_NAME), r.get(RELEASE.FILE_SHA256).strip(), r.get(RELEASE.METHOD), r.get(DATA_SHARING_AGREEMENT.CODE),
                r.get(RELEASE.CORRECTS_RELEASE_ID), r.get(RELEASE.CORRECTION_REASON), r.get(RELEASE.SUPERSEDED_AT),
                r.get(RELEASE.WITHDRAWN_AT), insider ? r.get(RELEASE.WITHDRAWN_BY) : null, r.get(RELEASE.WITHDRAWAL_REASON));
    }
}
