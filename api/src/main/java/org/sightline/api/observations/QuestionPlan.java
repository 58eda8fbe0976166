package org.sightline.api.observations;

import org.sightline.api.indicators.StoredIndicator;
import org.sightline.privacy.policy.Treatment;

/**
 * A question the planner has accepted: every refusal has been made, from the question, the
 * catalogue and the geography alone, before any observation is read.
 *
 * @param treatment       the one treatment of the whole answer (never FORBIDDEN)
 * @param source          where the numbers come from
 * @param publicStanding  whether the caller stands as the public (anonymous callers and operators)
 * @param agreementId     the agreement the caller reads under, for the audit; null if none
 * @param dataVersion     the data version read before planning (DataVersion): equal answers have equal versions
 */
record QuestionPlan(StoredIndicator indicator, ResolvedQuery resolved, Treatment treatment, Source source,
                    TreatmentDecision decision, boolean publicStanding, Integer agreementId, String dataVersion) {

    /** Where an answer's numbers come from. */
    enum Source {
        /** The true cells, rolled up from the stored grain (exact, suppression, interactive noise). */
        TRUE_CELLS,
        /** Sums of the public's tables drawn once at publish time: post-processing, nothing new drawn, nothing charged. */
        PUBLIC_TABLES
    }
}
