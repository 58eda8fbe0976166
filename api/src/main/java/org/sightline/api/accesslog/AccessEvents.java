package org.sightline.api.accesslog;

import static org.sightline.db.Tables.API_KEY;
import static org.sightline.db.Tables.AUDIT_EVENT;
import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit of exact values ({@code audit_event}, written by {@link org.sightline.api.privacy.AuditLog}), newest first. */
@Repository
class AccessEvents {

    record Page(List<AccessEvent> events, int totalCount) {
    }

    private final DSLContext db;

    AccessEvents(DSLContext db) {
        this.db = db;
    }

    /** Events of one indicator with an id below {@code beforeId} (null: from the newest), at most {@code limit}. */
    @Transactional(readOnly = true)
    Page page(int indicatorDbId, String indicatorId, Long beforeId, int limit) {
        int total = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.INDICATOR_ID.eq(indicatorDbId));
        // An API key caller is "key:<id>": its label says who it is; a token's caller names its subject already.
        List<AccessEvent> events = db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.CALLER, AUDIT_EVENT.ROLE,
                        AUDIT_EVENT.ORGANISATION_ID, DATA_SHARING_AGREEMENT.CODE, AUDIT_EVENT.PURPOSE, AUDIT_EVENT.QUERY,
                        AUDIT_EVENT.EXACT_CELLS, API_KEY.LABEL)
                .from(AUDIT_EVENT).leftJoin(DATA_SHARING_AGREEMENT).on(DATA_SHARING_AGREEMENT.ID.eq(AUDIT_EVENT.AGREEMENT_ID))
                .leftJoin(API_KEY).on(DSL.concat(DSL.inline("key:"), API_KEY.ID.cast(String.class)).eq(AUDIT_EVENT.CALLER))
                .where(AUDIT_EVENT.INDICATOR_ID.eq(indicatorDbId))
                .and(beforeId == null ? DSL.noCondition() : AUDIT_EVENT.ID.lt(beforeId))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new AccessEvent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        indicatorId, r.value8(), r.value9(), r.value10()));
        return new Page(events, total);
    }
}
