package org.sightline.api.agreements;

import static org.sightline.db.Tables.AGREEMENT_INDICATOR;
import static org.sightline.db.Tables.AGREEMENT_PARTY;
import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;

import java.time.LocalDate;
import java.util.Collection;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The register of data sharing agreements (minimal: parties, indicators, purpose, status, dates). */
@Repository
public class Agreements {

    private final DSLContext db;

    Agreements(DSLContext db) {
        this.db = db;
    }

    /** Creates the agreement if its code is new, with its parties and indicators; returns its id. */
    public int ensure(String code, String title, String purpose, String legalBasis, String status, LocalDate start,
                      LocalDate end, Collection<Integer> organisationIds, Collection<Integer> indicatorIds) {
        db.insertInto(DATA_SHARING_AGREEMENT)
                .set(DATA_SHARING_AGREEMENT.CODE, code)
                .set(DATA_SHARING_AGREEMENT.TITLE, title)
                .set(DATA_SHARING_AGREEMENT.PURPOSE, purpose)
                .set(DATA_SHARING_AGREEMENT.LEGAL_BASIS, legalBasis)
                .set(DATA_SHARING_AGREEMENT.STATUS, status)
                .set(DATA_SHARING_AGREEMENT.START_DATE, start)
                .set(DATA_SHARING_AGREEMENT.END_DATE, end)
                .onConflictDoNothing().execute();
        int id = db.select(DATA_SHARING_AGREEMENT.ID).from(DATA_SHARING_AGREEMENT)
                .where(DATA_SHARING_AGREEMENT.CODE.eq(code)).fetchOne().value1();
        for (int organisation : organisationIds) {
            db.insertInto(AGREEMENT_PARTY, AGREEMENT_PARTY.AGREEMENT_ID, AGREEMENT_PARTY.ORGANISATION_ID)
                    .values(id, organisation).onConflictDoNothing().execute();
        }
        for (int indicator : indicatorIds) {
            db.insertInto(AGREEMENT_INDICATOR, AGREEMENT_INDICATOR.AGREEMENT_ID, AGREEMENT_INDICATOR.INDICATOR_ID)
                    .values(id, indicator).onConflictDoNothing().execute();
        }
        return id;
    }

    public void setStatus(String code, String status) {
        db.update(DATA_SHARING_AGREEMENT).set(DATA_SHARING_AGREEMENT.STATUS, status)
                .where(DATA_SHARING_AGREEMENT.CODE.eq(code)).execute();
    }
}
