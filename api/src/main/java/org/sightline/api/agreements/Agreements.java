package org.sightline.api.agreements;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.sightline.db.Tables.AGREEMENT_CHANGE;
import static org.sightline.db.Tables.AGREEMENT_INDICATOR;
import static org.sightline.db.Tables.AGREEMENT_PARTY;
import static org.sightline.db.Tables.DATA_SHARING_AGREEMENT;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.ORGANISATION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.sightline.api.organisations.Organisation;
import org.springframework.stereotype.Repository;

/**
 * The register of data sharing agreements in PostgreSQL: agreements with their parties and
 * covered indicators (read in one statement each way), and the history of changes. Who may do
 * what is decided by {@link AgreementRegister}; this class only reads and writes.
 */
@Repository
public class Agreements {

    private static final Field<List<Organisation>> PARTIES = multiset(
            select(ORGANISATION.ID, ORGANISATION.CODE, ORGANISATION.NAME, ORGANISATION.KIND)
                    .from(AGREEMENT_PARTY).join(ORGANISATION).on(ORGANISATION.ID.eq(AGREEMENT_PARTY.ORGANISATION_ID))
                    .where(AGREEMENT_PARTY.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                    .orderBy(ORGANISATION.CODE))
            .as("parties").convertFrom(r -> r.map(Records.mapping(Organisation::new)));

    private static final Field<List<Agreement.CoveredIndicator>> INDICATORS = multiset(
            select(INDICATOR.ID, INDICATOR.SLUG, INDICATOR.TITLE, INDICATOR.DISCLOSURE_CLASS, INDICATOR.OWNER_ORGANISATION_ID)
                    .from(AGREEMENT_INDICATOR).join(INDICATOR).on(INDICATOR.ID.eq(AGREEMENT_INDICATOR.INDICATOR_ID))
                    .where(AGREEMENT_INDICATOR.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                    .orderBy(INDICATOR.SLUG))
            .as("indicators").convertFrom(r -> r.map(Records.mapping(Agreement.CoveredIndicator::new)));

    /** A page of agreements and how many the caller may see in all. */
    public record Page(List<Agreement> agreements, int totalCount) {
    }

    private final DSLContext db;
    private final Clock clock;

    Agreements(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Agreement> find(String code) {
        return db.select(DATA_SHARING_AGREEMENT.asterisk(), PARTIES, INDICATORS).from(DATA_SHARING_AGREEMENT)
                .where(DATA_SHARING_AGREEMENT.CODE.eq(code))
                .fetchOptional(Agreements::toAgreement);
    }

    /** The agreement, its row locked until the transaction ends, so two changes of one agreement run one after the other. */
    Optional<Agreement> lockAndFind(String code) {
        Optional<Integer> locked = db.select(DATA_SHARING_AGREEMENT.ID).from(DATA_SHARING_AGREEMENT)
                .where(DATA_SHARING_AGREEMENT.CODE.eq(code)).forUpdate().fetchOptional(DATA_SHARING_AGREEMENT.ID);
        return locked.isEmpty() ? Optional.empty() : find(code);
    }

    /**
     * Agreements ordered by id after {@code afterCode}: all of them when {@code organisationId} is
     * null, otherwise those the organisation is a party to or that cover an indicator it owns.
     */
    Page page(Integer organisationId, boolean all, String afterCode, int limit) {
        Condition visible = all ? noCondition() : exists(selectOne().from(AGREEMENT_PARTY)
                .where(AGREEMENT_PARTY.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                .and(AGREEMENT_PARTY.ORGANISATION_ID.eq(organisationId)))
                .or(exists(selectOne().from(AGREEMENT_INDICATOR).join(INDICATOR).on(INDICATOR.ID.eq(AGREEMENT_INDICATOR.INDICATOR_ID))
                        .where(AGREEMENT_INDICATOR.AGREEMENT_ID.eq(DATA_SHARING_AGREEMENT.ID))
                        .and(INDICATOR.OWNER_ORGANISATION_ID.eq(organisationId))));
        int total = db.fetchCount(DATA_SHARING_AGREEMENT, visible);
        List<Agreement> agreements = db.select(DATA_SHARING_AGREEMENT.asterisk(), PARTIES, INDICATORS).from(DATA_SHARING_AGREEMENT)
                .where(visible).and(afterCode == null ? noCondition() : DATA_SHARING_AGREEMENT.CODE.gt(afterCode))
                .orderBy(DATA_SHARING_AGREEMENT.CODE).limit(limit)
                .fetch(Agreements::toAgreement);
        return new Page(agreements, total);
    }

    /** The indicators with these ids (slugs), by id; unknown ids are absent. */
    Map<String, Agreement.CoveredIndicator> indicatorsById(Collection<String> ids) {
        return db.select(INDICATOR.ID, INDICATOR.SLUG, INDICATOR.TITLE, INDICATOR.DISCLOSURE_CLASS, INDICATOR.OWNER_ORGANISATION_ID)
                .from(INDICATOR).where(INDICATOR.SLUG.in(ids))
                .fetchMap(INDICATOR.SLUG, Records.mapping(Agreement.CoveredIndicator::new));
    }

    int insert(String code, AgreementTerms terms, AgreementStatus status, String createdBy, Integer createdByOrganisationId,
               OffsetDateTime at) {
        return db.insertInto(DATA_SHARING_AGREEMENT)
                .set(DATA_SHARING_AGREEMENT.CODE, code)
                .set(termsOf(terms))
                .set(DATA_SHARING_AGREEMENT.STATUS, status.name())
                .set(DATA_SHARING_AGREEMENT.CREATED_BY, createdBy)
                .set(DATA_SHARING_AGREEMENT.CREATED_BY_ORGANISATION_ID, createdByOrganisationId)
                .set(DATA_SHARING_AGREEMENT.CREATED_AT, at)
                .set(DATA_SHARING_AGREEMENT.UPDATED_AT, at)
                .returning(DATA_SHARING_AGREEMENT.ID).fetchOne().getId();
    }

    void updateTerms(int dbId, AgreementTerms terms, OffsetDateTime at) {
        db.update(DATA_SHARING_AGREEMENT).set(termsOf(terms)).set(DATA_SHARING_AGREEMENT.UPDATED_AT, at)
                .where(DATA_SHARING_AGREEMENT.ID.eq(dbId)).execute();
    }

    void replaceParties(int dbId, Collection<Integer> organisationIds) {
        db.deleteFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.AGREEMENT_ID.eq(dbId)).execute();
        var insert = db.insertInto(AGREEMENT_PARTY, AGREEMENT_PARTY.AGREEMENT_ID, AGREEMENT_PARTY.ORGANISATION_ID);
        organisationIds.forEach(id -> insert.values(dbId, id));
        if (!organisationIds.isEmpty()) {
            insert.execute();
        }
    }

    void replaceIndicators(int dbId, Collection<Integer> indicatorIds) {
        db.deleteFrom(AGREEMENT_INDICATOR).where(AGREEMENT_INDICATOR.AGREEMENT_ID.eq(dbId)).execute();
        var insert = db.insertInto(AGREEMENT_INDICATOR, AGREEMENT_INDICATOR.AGREEMENT_ID, AGREEMENT_INDICATOR.INDICATOR_ID);
        indicatorIds.forEach(id -> insert.values(dbId, id));
        if (!indicatorIds.isEmpty()) {
            insert.execute();
        }
    }

    void recordStatus(int dbId, AgreementStatus status, OffsetDateTime at) {
        db.update(DATA_SHARING_AGREEMENT).set(DATA_SHARING_AGREEMENT.STATUS, status.name())
                .set(DATA_SHARING_AGREEMENT.UPDATED_AT, at).where(DATA_SHARING_AGREEMENT.ID.eq(dbId)).execute();
    }

    void recordApproval(int dbId, String approvedBy, Integer organisationId, OffsetDateTime at) {
        db.update(DATA_SHARING_AGREEMENT)
                .set(DATA_SHARING_AGREEMENT.STATUS, AgreementStatus.APPROVED.name())
                .set(DATA_SHARING_AGREEMENT.APPROVED_BY, approvedBy)
                .set(DATA_SHARING_AGREEMENT.APPROVED_BY_ORGANISATION_ID, organisationId)
                .set(DATA_SHARING_AGREEMENT.APPROVED_AT, at)
                .set(DATA_SHARING_AGREEMENT.UPDATED_AT, at)
                .where(DATA_SHARING_AGREEMENT.ID.eq(dbId)).execute();
    }

    /** Appends changes to the history (one statement). */
    void recordChanges(List<AgreementChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var insert = db.insertInto(AGREEMENT_CHANGE, AGREEMENT_CHANGE.AGREEMENT_ID, AGREEMENT_CHANGE.CHANGED_AT,
                AGREEMENT_CHANGE.CHANGED_BY, AGREEMENT_CHANGE.ROLE, AGREEMENT_CHANGE.ORGANISATION_ID, AGREEMENT_CHANGE.ACTION,
                AGREEMENT_CHANGE.FIELD, AGREEMENT_CHANGE.FROM_VALUE, AGREEMENT_CHANGE.TO_VALUE, AGREEMENT_CHANGE.REASON);
        for (AgreementChange c : changes) {
            insert.values(c.agreementDbId(), c.at(), c.by(), c.role(), c.organisationId(), c.action().name(), c.field(),
                    c.from(), c.to(), c.reason());
        }
        insert.execute();
    }

    /** The history of each agreement, oldest first, in one statement. */
    Map<Integer, List<AgreementChange>> historyOf(Collection<Integer> agreementDbIds) {
        return db.selectFrom(AGREEMENT_CHANGE).where(AGREEMENT_CHANGE.AGREEMENT_ID.in(agreementDbIds))
                .orderBy(AGREEMENT_CHANGE.ID)
                .fetch(r -> new AgreementChange(r.getId(), r.getAgreementId(), r.getChangedAt(), r.getChangedBy(), r.getRole(),
                        r.getOrganisationId(), AgreementChange.Action.valueOf(r.getAction()), r.getField(), r.getFromValue(),
                        r.getToValue(), r.getReason()))
                .stream().collect(Collectors.groupingBy(AgreementChange::agreementDbId));
    }

    /** The callers who drafted or changed the agreement (who may therefore not approve it). */
    Set<String> editorsOf(int agreementDbId) {
        return db.selectDistinct(AGREEMENT_CHANGE.CHANGED_BY).from(AGREEMENT_CHANGE)
                .where(AGREEMENT_CHANGE.AGREEMENT_ID.eq(agreementDbId))
                .and(AGREEMENT_CHANGE.ACTION.in(AgreementChange.Action.CREATED.name(), AgreementChange.Action.UPDATED.name()))
                .fetchSet(AGREEMENT_CHANGE.CHANGED_BY);
    }

    /**
     * Creates the agreement if its code is new, with its parties and indicators, already approved
     * by {@code approvedBy} (for data sets loaded with the service, such as the demo); returns its id.
     * An agreement of that code stored before the full register (approved, with no approver) gets
     * the terms and the approval; any other existing agreement is left as it is.
     */
    public int ensureApproved(String code, AgreementTerms terms, Collection<Integer> organisationIds, Collection<Integer> indicatorIds,
                              String approvedBy, Integer approverOrganisationId, OffsetDateTime approvedAt) {
        Optional<Agreement> existing = find(code);
        if (existing.isPresent()) {
            Agreement stored = existing.get();
            if (stored.approvedBy() == null && stored.recordedStatus() == AgreementStatus.APPROVED) {
                updateTerms(stored.dbId(), terms, approvedAt);
                recordApproval(stored.dbId(), approvedBy, approverOrganisationId, approvedAt);
            }
            return stored.dbId();
        }
        int id = insert(code, terms, AgreementStatus.DRAFT, approvedBy, approverOrganisationId, approvedAt);
        replaceParties(id, organisationIds);
        replaceIndicators(id, indicatorIds);
        recordApproval(id, approvedBy, approverOrganisationId, approvedAt);
        return id;
    }

    /**
     * Creates the agreement if its code is new, with minimal terms, in the given status, outside
     * the lifecycle (for tests and data loaded with the service); returns its id.
     */
    public int ensure(String code, String title, String purpose, String legalBasis, AgreementStatus status, LocalDate start,
                      LocalDate end, Collection<Integer> organisationIds, Collection<Integer> indicatorIds) {
        Optional<Agreement> existing = find(code);
        if (existing.isPresent()) {
            return existing.get().dbId();
        }
        int id = insert(code, new AgreementTerms(title, purpose, legalBasis, List.of(), null, null, start, end, null),
                status, null, null, OffsetDateTime.now(clock));
        replaceParties(id, organisationIds);
        replaceIndicators(id, indicatorIds);
        return id;
    }

    /** Records a status directly, outside the lifecycle (for tests and data loaded with the service). */
    public void setStatus(String code, AgreementStatus status) {
        db.update(DATA_SHARING_AGREEMENT).set(DATA_SHARING_AGREEMENT.STATUS, status.name())
                .where(DATA_SHARING_AGREEMENT.CODE.eq(code)).execute();
    }

    private static Map<Field<?>, Object> termsOf(AgreementTerms terms) {
        Map<Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(DATA_SHARING_AGREEMENT.TITLE, terms.title());
        values.put(DATA_SHARING_AGREEMENT.PURPOSE, terms.purpose());
        values.put(DATA_SHARING_AGREEMENT.LEGAL_BASIS, terms.legalBasis());
        values.put(DATA_SHARING_AGREEMENT.DATA_FIELDS, terms.dataFields().isEmpty() ? null : String.join("\n", terms.dataFields()));
        values.put(DATA_SHARING_AGREEMENT.FREQUENCY, terms.frequency() == null ? null : terms.frequency().name());
        values.put(DATA_SHARING_AGREEMENT.SECURITY_ARRANGEMENTS, terms.securityArrangements());
        values.put(DATA_SHARING_AGREEMENT.START_DATE, terms.startDate());
        values.put(DATA_SHARING_AGREEMENT.END_DATE, terms.endDate());
        values.put(DATA_SHARING_AGREEMENT.REVIEW_DATE, terms.reviewDate());
        return values;
    }

    private static Agreement toAgreement(Record r) {
        var a = DATA_SHARING_AGREEMENT;
        String fields = r.get(a.DATA_FIELDS);
        AgreementTerms terms = new AgreementTerms(r.get(a.TITLE), r.get(a.PURPOSE), r.get(a.LEGAL_BASIS),
                fields == null ? List.of() : Arrays.asList(fields.split("\n")),
                r.get(a.FREQUENCY) == null ? null : SharingFrequency.valueOf(r.get(a.FREQUENCY)),
                r.get(a.SECURITY_ARRANGEMENTS), r.get(a.START_DATE), r.get(a.END_DATE), r.get(a.REVIEW_DATE));
        return new Agreement(r.get(a.ID), r.get(a.CODE), terms, AgreementStatus.valueOf(r.get(a.STATUS)),
                r.get(PARTIES), r.get(INDICATORS), r.get(a.CREATED_BY), r.get(a.CREATED_BY_ORGANISATION_ID), r.get(a.CREATED_AT),
                r.get(a.APPROVED_BY), r.get(a.APPROVED_BY_ORGANISATION_ID), r.get(a.APPROVED_AT));
    }
}
