package org.sightline.api.accesslog;

import java.time.OffsetDateTime;

/**
 * One audited answer: who received how many exact cells of an indicator, when, under which
 * agreement and purpose.
 *
 * @param callerLabel the label of the caller's API key; null for a token's caller
 */
record AccessEvent(long id, OffsetDateTime at, String caller, String role, Integer organisationId, String agreement,
                   String purpose, String indicator, String query, int exactCells, String callerLabel) {
}
