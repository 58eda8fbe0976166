package org.sightline.api.agreements;

/**
 * Where an agreement stands in its lifecycle. Only APPROVED agreements give access, and only
 * between their start and end dates; an agreement past its end date is EXPIRED whatever status
 * was recorded (see {@link Agreement#statusOn}).
 */
public enum AgreementStatus {
    /** Being written; gives no access and may still be changed. */
    DRAFT,
    /** Approved by the data owner: in force between its start and end dates. */
    APPROVED,
    /** Access stopped until reinstated (e.g. while a breach is investigated). */
    SUSPENDED,
    /** Ended early, or past its end date. Final: a renewal is a new agreement. */
    EXPIRED
}
