package org.sightline.domain.access;

import java.util.Objects;

/**
 * The authenticated caller of one request.
 *
 * @param id             a stable identifier for audit and the privacy ledger, e.g. {@code key:12} or {@code jwt:alice}
 * @param organisationId the organisation the caller acts for; null for PUBLIC
 */
public record Caller(String id, Role role, Integer organisationId) {

    public static final Caller PUBLIC = new Caller("public", Role.PUBLIC, null);

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role != Role.PUBLIC && organisationId == null) {
            throw new IllegalArgumentException("a " + role + " caller acts for an organisation");
        }
    }
}
