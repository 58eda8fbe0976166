package org.sightline.api.agreements;

import java.time.OffsetDateTime;

/** One recorded change of one field of an agreement: who, when, what from what to what, and why. */
public record AgreementChange(long id, int agreementDbId, OffsetDateTime at, String by, String role, Integer organisationId,
                              Action action, String field, String from, String to, String reason) {

    /** What the change did to the agreement. */
    public enum Action { CREATED, UPDATED, APPROVED, SUSPENDED, REINSTATED, ENDED }
}
