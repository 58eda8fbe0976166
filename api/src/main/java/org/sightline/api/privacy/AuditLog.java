package org.sightline.api.privacy;

import static org.sightline.db.Tables.AUDIT_EVENT;

import org.jooq.DSLContext;
import org.sightline.domain.access.Caller;
import org.springframework.stereotype.Repository;

/** Records who received unprotected values of a sensitive indicator, under which agreement, asking what. */
@Repository
public class AuditLog {

    private final DSLContext db;

    AuditLog(DSLContext db) {
        this.db = db;
    }

    public void exactValuesSeen(Caller caller, Integer agreementId, int indicatorId, String canonicalQuery, int exactCells) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.CALLER, caller.id())
                .set(AUDIT_EVENT.ROLE, caller.role().name())
                .set(AUDIT_EVENT.ORGANISATION_ID, caller.organisationId())
                .set(AUDIT_EVENT.AGREEMENT_ID, agreementId)
                .set(AUDIT_EVENT.INDICATOR_ID, indicatorId)
                .set(AUDIT_EVENT.QUERY, canonicalQuery)
                .set(AUDIT_EVENT.EXACT_CELLS, exactCells)
                .execute();
    }
}
