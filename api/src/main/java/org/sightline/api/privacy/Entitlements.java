package org.sightline.api.privacy;

import static org.sightline.db.Tables.AGREEMENT_INDICATOR;
import static org.sightline.db.Tables.AGREEMENT_PARTY;
import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;

import java.time.Clock;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.api.agreements.AgreementStatus;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.policy.Access;
import org.springframework.stereotype.Component;

/**
 * A caller's standing towards an indicator: ownership, and the live agreement (status APPROVED and
 * today, by the service's clock, within its start and end dates, both inclusive) that covers the
 * indicator for the caller's organisation, if any. Looked up on every question, before any cache
 * is consulted, so a suspension, an ending or an end date passing stops access on the next
 * question (see docs/governance.md).
 */
@Component
public class Entitlements {

    /** The caller's access and the agreement it rests on (null when none is needed or found). */
    public record Standing(Access access, Integer agreementId) {
    }

    private final DSLContext db;
    private final Clock clock;

    Entitlements(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Standing of(Caller caller, StoredIndicator indicator) {
        boolean owns = caller.organisationId() != null && caller.organisationId().equals(indicator.ownerOrganisationId());
        Integer agreement = null;
        // Only analysts' treatment depends on an agreement; skip the lookup for everyone else.
        if (caller.role() == Role.ANALYST && indicator.definition().disclosureClass() != DisclosureClass.OPEN) {
            LocalDate today = LocalDate.now(clock);
            agreement = db.select(DATA_SHARING_AGREEMENT.ID)
                    .from(DATA_SHARING_AGREEMENT)
                    .join(AGREEMENT_PARTY).on(AGREEMENT_PARTY.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                    .join(AGREEMENT_INDICATOR).on(AGREEMENT_INDICATOR.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                    .where(AGREEMENT_PARTY.ORGANISATION_ID.eq(caller.organisationId()))
                    .and(AGREEMENT_INDICATOR.INDICATOR_ID.eq(indicator.dbId()))
                    .and(DATA_SHARING_AGREEMENT.STATUS.eq(AgreementStatus.APPROVED.name()))
                    .and(DATA_SHARING_AGREEMENT.START_DATE.le(today))
                    .and(DATA_SHARING_AGREEMENT.END_DATE.isNull().or(DATA_SHARING_AGREEMENT.END_DATE.ge(today)))
                    .orderBy(DATA_SHARING_AGREEMENT.ID)
                    .limit(1)
                    .fetchOptional(DATA_SHARING_AGREEMENT.ID).orElse(null);
        }
        return new Standing(new Access(caller.role(), owns, agreement != null), agreement);
    }
}
