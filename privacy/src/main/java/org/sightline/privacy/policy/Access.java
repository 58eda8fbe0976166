package org.sightline.privacy.policy;

import org.sightline.domain.access.Role;

/**
 * A caller's standing towards one indicator: their role, whether their organisation owns the
 * indicator, and whether a live data sharing agreement covers it for their organisation.
 */
public record Access(Role role, boolean ownsIndicator, boolean coveredByAgreement) {

    /**
     * The role the policy matrix is read with: a steward is a steward only of its own data (for
     * other data it is a partner), an analyst is an analyst only under an agreement, and an
     * operator has no special data access.
     */
    public EffectiveRole effectiveRole() {
        return switch (role) {
            case PUBLIC, ADMIN -> EffectiveRole.PUBLIC;
            case PARTNER -> EffectiveRole.PARTNER;
            case ANALYST -> coveredByAgreement ? EffectiveRole.ANALYST_WITH_AGREEMENT : EffectiveRole.ANALYST_WITHOUT_AGREEMENT;
            case STEWARD -> ownsIndicator ? EffectiveRole.OWNING_STEWARD : EffectiveRole.PARTNER;
        };
    }

    /** The rows of the policy matrix. */
    public enum EffectiveRole {
        PUBLIC, PARTNER, ANALYST_WITH_AGREEMENT, ANALYST_WITHOUT_AGREEMENT, OWNING_STEWARD
    }
}
