package org.sightline.api.observations;

import java.util.List;
import org.sightline.api.observability.PrivacyMetrics;
import org.sightline.api.privacy.AuditLog;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.privacy.PrivacyLedger;
import org.sightline.domain.access.Caller;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sightline.api.limits.StatementTimeout;

/**
 * Answers an {@link ObservationQuery} for a caller - the one door every number leaves through -
 * as a straight pipeline:
 * <ol>
 *   <li><b>plan</b> ({@link QuestionPlanner}): every refusal, from the question, the catalogue and
 *       the geography alone, before any observation is read;</li>
 *   <li><b>read</b>, in one read-only transaction: the true cells rolled up from the stored grain
 *       ({@link Observations#rollUp}), or - for noisy answers inside the public's tables - sums of
 *       the tables drawn once when the release was published ({@link PublicAnswers});</li>
 *   <li><b>protect</b>: exact, suppression and rounding on the stored per-release pattern
 *       ({@link MarginSuppression}), interactive consistent noise, or the stored public values;</li>
 *   <li><b>publish</b> ({@link Publication}): values and intervals from protected numbers only;</li>
 *   <li><b>account</b>: new noise drawn for a named caller is charged to their budget once per
 *       question; exact values of sensitive indicators are audited.</li>
 * </ol>
 * Nothing built from true values leaves this class.
 */
@Service
public class ObservationService {

    private final QuestionPlanner planner;
    private final Observations observations;
    private final PublicAnswers publicAnswers;
    private final DisclosurePolicies policies;
    private final AuditLog audit;
    private final PrivacyLedger ledger;
    private final MarginSuppression marginSuppression;
    private final TransactionTemplate readOnly;
    private final AnswerCache cache;
    private final StatementTimeout statementTimeout;
    private final PrivacyMetrics metrics;

    ObservationService(QuestionPlanner planner, Observations observations, PublicAnswers publicAnswers, DisclosurePolicies policies,
                       AuditLog audit, PrivacyLedger ledger, MarginSuppression marginSuppression, PlatformTransactionManager transactions,
                       AnswerCache cache, StatementTimeout statementTimeout, PrivacyMetrics metrics) {
        this.planner = planner;
        this.observations = observations;
        this.publicAnswers = publicAnswers;
        this.policies = policies;
        this.audit = audit;
        this.ledger = ledger;
        this.marginSuppression = marginSuppression;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.cache = cache;
        this.statementTimeout = statementTimeout;
        this.metrics = metrics;
    }

    public List<PublishedObservation> answer(ObservationQuery query, Caller caller) {
        // Plan and read in one read-only transaction, so the data version an answer is cached
        // under and the data it is computed from come from the same server (a read replica, when
        // one is configured); charges and audit are written afterwards, on the primary.
        Answer answer = readOnly.execute(status -> planAndAnswer(query, caller));
        account(answer.plan(), query, caller, answer.published(), answer.releases());
        return answer.published();
    }

    private Answer planAndAnswer(ObservationQuery query, Caller caller) {
        QuestionPlan plan = planner.plan(query, caller);
        // The same question on the same data under the same rule gets the same protected answer
        // (exact, suppressed on the stored pattern, the public's stored tables, or interactive
        // noise keyed by the cells), whoever asks: compute it once. Refusals were decided above,
        // per caller; charges and audit are made per caller and question afterwards.
        String key = plan.indicator().dbId() + "|" + plan.treatment() + "|" + plan.decision().rule() + "|" + plan.source() + "|"
                + plan.dataVersion() + "|" + query;
        return cache.get(key, () -> readProtectAndPublish(plan, query)).forPlan(plan);
    }

    /** The published observations, the plan they answer and the releases they were read from (what a charge is for). */
    record Answer(QuestionPlan plan, List<PublishedObservation> published, List<Long> releases) {

        Answer {
            published = List.copyOf(published);
            releases = List.copyOf(releases);
        }

        /** The same answer for another plan of the same question (another caller with the same rule). */
        Answer forPlan(QuestionPlan other) {
            return new Answer(other, published, releases);
        }
    }

    private Answer readProtectAndPublish(QuestionPlan plan, ObservationQuery query) {
        List<PublishedObservation> published;
        List<Long> releases = List.of();
        // Computing is where a question can run away: the database cancels it at the timeout.
        statementTimeout.applyToCurrentTransaction();
        if (plan.source() == QuestionPlan.Source.PUBLIC_TABLES) {
            publicAnswers.requireTables(plan.indicator());
            published = readOnly.execute(status -> publicAnswers.answer(plan.indicator(), plan.resolved()));
        } else {
            List<RolledUpCell> cells = readOnly.execute(status -> observations.rollUp(plan.resolved(),
                    plan.treatment() == Treatment.NOISE));
            published = protect(plan, query, cells);
            releases = cells.stream().map(RolledUpCell::releaseId).distinct().sorted().toList();
        }
        return new Answer(plan, published, releases);
    }

    private List<PublishedObservation> protect(QuestionPlan plan, ObservationQuery query, List<RolledUpCell> cells) {
        IndicatorDefinition definition = plan.indicator().definition();
        if (cells.isEmpty()) {
            return List.of();
        }
        // Every treatment is a DisclosurePolicy of the privacy module, applied to the whole table.
        DisclosurePolicy policy = switch (plan.treatment()) {
            case SUPPRESS, ROUND -> marginSuppression.policyFor(plan.indicator(), query, cells, plan.decision().rule(), plan.treatment());
            case EXACT, NOISE -> policies.forTreatment(plan.treatment());
            case FORBIDDEN -> throw new IllegalStateException("the planner refuses FORBIDDEN questions");
        };
        return Publication.cellByCell(definition, cells, policy);
    }

    private void account(QuestionPlan plan, ObservationQuery query, Caller caller, List<PublishedObservation> published,
                         List<Long> releases) {
        if (plan.treatment() == Treatment.NOISE && plan.source() == QuestionPlan.Source.TRUE_CELLS && !plan.publicStanding()) {
            // New noise drawn for a named caller (custom areas, levels outside the public's tables)
            // is charged before any value leaves. The noise is a function of the cells, so the same
            // question - another page of it, or asked again - reveals nothing new and is charged once.
            double rho = published.stream().mapToDouble(p -> p.disclosure().rho() == null ? 0 : p.disclosure().rho()).sum();
            if (rho > 0) {
                ledger.chargeOnce(caller, plan.indicator().dbId(), rho, query.toString(), "releases " + releases);
            }
        }
        metrics.published(caller.role(), plan.treatment(), published, p -> p.disclosure().status());
        long exactCells = published.stream().filter(p -> p.disclosure().status() == DisclosureStatus.EXACT).count();
        if (plan.indicator().definition().disclosureClass() != DisclosureClass.OPEN && exactCells > 0) {
            audit.exactValuesSeen(caller, plan.agreementId(), plan.indicator().dbId(), query.toString(), (int) exactCells);
        }
    }
}
