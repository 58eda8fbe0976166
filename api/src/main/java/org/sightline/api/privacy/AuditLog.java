package org.sightline.api.privacy;

import static org.sightline.db.Tables.AUDIT_EVENT;
import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.domain.access.Caller;
import org.springframework.stereotype.Repository;

/**
 * Records who received unprotected values of a sensitive indicator, when (by the service's clock),
 * under which agreement and for which purpose (the agreement's purpose as it stands at that moment),
 * asking what. Stewards read it back through {@code accessLog}.
 */
@Repository
public class AuditLog {

    private final DSLContext db;

    private final Clock clock;

    AuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void exactValuesSeen(Caller caller, Integer agreementId, int indicatorId, String canonicalQuery, int exactCells) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.now(clock))
                .set(AUDIT_EVENT.CALLER, caller.id())
                .set(AUDIT_EVENT.ROLE, caller.role().name())
                .set(AUDIT_EVENT.ORGANISATION_ID, caller.organisationId())
                .set(AUDIT_EVENT.AGREEMENT_ID, agreementId)
                .set(AUDIT_EVENT.PURPOSE, agreementId == null ? DSL.inline((String) null)
                        : DSL.field(DSL.select(DATA_SHARING_AGREEMENT.PURPOSE).from(DATA_SHARING_AGREEMENT)
                                .where(DATA_SHARING_AGREEMENT.ID.eq(agreementId))))
                .set(AUDIT_EVENT.INDICATOR_ID, indicatorId)
                .set(AUDIT_EVENT.QUERY, canonicalQuery)
                .set(AUDIT_EVENT.EXACT_CELLS, exactCells)
                .execute();
    }
}
