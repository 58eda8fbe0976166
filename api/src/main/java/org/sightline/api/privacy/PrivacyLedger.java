package org.sightline.api.privacy;

import static org.sightline.db.Tables.PRIVACY_CHARGE;
import static org.sightline.db.Tables.PRIVACY_LEDGER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jooq.DSLContext;
import org.sightline.api.observability.PrivacyMetrics;
import org.jooq.impl.DSL;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each caller's zCDP budget for interactive noisy queries. A charge is one conditional UPDATE:
 * PostgreSQL locks the caller's row and re-checks {@code spent + rho <= budget} against the latest
 * committed value, so concurrent requests - from any number of API instances - can never spend
 * more than the budget (the table's CHECK constraint is a second line of defence). A refused
 * charge changes nothing.
 */
@Repository
public class PrivacyLedger {

    private final DSLContext db;
    private final PrivacySettings settings;
    private final PrivacyMetrics metrics;

    PrivacyLedger(DSLContext db, PrivacySettings settings, PrivacyMetrics metrics) {
        this.db = db;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Charges {@code rho} to the caller, or refuses.
     *
     * @throws ForbiddenException (nothing charged) when the budget would be exceeded
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void charge(Caller caller, int indicatorId, double rho, String canonicalQuery) {
        charge(caller, indicatorId, rho, canonicalQuery, null);
    }

    private void charge(Caller caller, int indicatorId, double rho, String canonicalQuery, String questionSha256) {
        BigDecimal amount = BigDecimal.valueOf(rho).setScale(10, RoundingMode.UP);
        db.insertInto(PRIVACY_LEDGER, PRIVACY_LEDGER.CALLER, PRIVACY_LEDGER.BUDGET_RHO)
                .values(caller.id(), BigDecimal.valueOf(settings.callerBudgetRho()))
                .onConflictDoNothing().execute();
        int charged = db.update(PRIVACY_LEDGER)
                .set(PRIVACY_LEDGER.SPENT_RHO, PRIVACY_LEDGER.SPENT_RHO.plus(amount))
                .set(PRIVACY_LEDGER.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(PRIVACY_LEDGER.CALLER.eq(caller.id()))
                .and(PRIVACY_LEDGER.SPENT_RHO.plus(amount).le(PRIVACY_LEDGER.BUDGET_RHO))
                .execute();
        if (charged == 0) {
            var ledger = db.selectFrom(PRIVACY_LEDGER).where(PRIVACY_LEDGER.CALLER.eq(caller.id())).fetchOne();
            throw new ForbiddenException("privacy budget exhausted: this query needs rho " + amount.stripTrailingZeros().toPlainString()
                    + " and you have " + ledger.getBudgetRho().subtract(ledger.getSpentRho()).stripTrailingZeros().toPlainString()
                    + " left of " + ledger.getBudgetRho().stripTrailingZeros().toPlainString()
                    + "; nothing was charged. Ask for fewer cells, or ask your steward for more budget");
        }
        db.insertInto(PRIVACY_CHARGE, PRIVACY_CHARGE.CALLER, PRIVACY_CHARGE.INDICATOR_ID, PRIVACY_CHARGE.RHO, PRIVACY_CHARGE.QUERY,
                        PRIVACY_CHARGE.QUESTION_SHA256)
                .values(caller.id(), indicatorId, amount, canonicalQuery, questionSha256).execute();
        metrics.budgetSpent(caller.role(), amount.doubleValue());
    }

    /**
     * Charges {@code rho} for a question unless this caller already paid for the same question on
     * the same releases: consistent noise gives it the same answer, so it reveals nothing new
     * (another page of one answer, or the question asked again).
     *
     * @param releases what the answer was read from; a new release is new noise and is charged again
     * @throws ForbiddenException (nothing charged) when the budget would be exceeded
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void chargeOnce(Caller caller, int indicatorId, double rho, String canonicalQuery, String releases) {
        String question = sha256(indicatorId + "\n" + canonicalQuery + "\n" + releases);
        boolean paid = db.fetchExists(db.selectOne().from(PRIVACY_CHARGE)
                .where(PRIVACY_CHARGE.CALLER.eq(caller.id())).and(PRIVACY_CHARGE.QUESTION_SHA256.eq(question)));
        if (!paid) {
            charge(caller, indicatorId, rho, canonicalQuery, question);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a caller's budget (a steward's or operator's decision). */
    @Transactional
    public void setBudget(String callerId, double rho) {
        db.insertInto(PRIVACY_LEDGER, PRIVACY_LEDGER.CALLER, PRIVACY_LEDGER.BUDGET_RHO)
                .values(callerId, BigDecimal.valueOf(rho))
                .onConflict(PRIVACY_LEDGER.CALLER).doUpdate().set(PRIVACY_LEDGER.BUDGET_RHO, BigDecimal.valueOf(rho))
                .execute();
    }

    /** rho spent so far by the caller (zero if never charged). */
    public BigDecimal spent(String callerId) {
        return db.select(PRIVACY_LEDGER.SPENT_RHO).from(PRIVACY_LEDGER).where(PRIVACY_LEDGER.CALLER.eq(callerId))
                .fetchOptional(PRIVACY_LEDGER.SPENT_RHO).orElse(BigDecimal.ZERO);
    }
}
