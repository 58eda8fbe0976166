package org.sightline.api.agreements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.sightline.api.organisations.Organisation;

/**
 * One agreement of the register as stored, with its parties and the indicators it covers.
 *
 * @param id             the register's reference (the GraphQL id)
 * @param recordedStatus the status last recorded; {@link #statusOn} is what it is on a given day
 */
public record Agreement(int dbId, String id, AgreementTerms terms, AgreementStatus recordedStatus,
                        List<Organisation> parties, List<CoveredIndicator> indicators,
                        String createdBy, Integer createdByOrganisationId, OffsetDateTime createdAt,
                        String approvedBy, Integer approvedByOrganisationId, OffsetDateTime approvedAt) {

    /** An indicator the agreement covers, with the organisation that owns it. */
    public record CoveredIndicator(int dbId, String id, String title, String disclosureClass, Integer ownerOrganisationId) {
    }

    public Agreement {
        parties = List.copyOf(parties);
        indicators = List.copyOf(indicators);
    }

    /** The status on {@code today}: EXPIRED once the end date has passed (the end date itself is still in force). */
    public AgreementStatus statusOn(LocalDate today) {
        LocalDate end = terms.endDate();
        return end != null && today.isAfter(end) ? AgreementStatus.EXPIRED : recordedStatus;
    }

    /** Whether analysts of the parties have access under it on {@code today}. */
    public boolean liveOn(LocalDate today) {
        return statusOn(today) == AgreementStatus.APPROVED && !today.isBefore(terms.startDate());
    }

    public boolean reviewDueOn(LocalDate today) {
        return terms.reviewDate() != null && !today.isBefore(terms.reviewDate()) && statusOn(today) != AgreementStatus.EXPIRED;
    }

    boolean hasParty(Integer organisationId) {
        return organisationId != null && parties.stream().anyMatch(p -> p.dbId() == organisationId);
    }

    boolean coversIndicatorOwnedBy(Integer organisationId) {
        return organisationId != null && indicators.stream().anyMatch(i -> organisationId.equals(i.ownerOrganisationId()));
    }

    boolean allIndicatorsOwnedBy(Integer organisationId) {
        return organisationId != null && !indicators.isEmpty()
                && indicators.stream().allMatch(i -> organisationId.equals(i.ownerOrganisationId()));
    }
}
