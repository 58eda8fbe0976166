package org.sightline.privacy.policy;

import java.util.Objects;

/**
 * One cell of the policy matrix: the treatment for areas at {@code finestLevel} or coarser, and
 * the treatment for finer areas (FORBIDDEN, or a stronger protection). A null finest level means
 * the treatment applies at every level.
 *
 * @param finestGranularity the granularity of {@code finestLevel} (country 10 ... lsoa 60)
 */
public record PolicyRule(Treatment treatment, String finestLevel, int finestGranularity, Treatment belowFinestLevel) {

    public PolicyRule {
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(belowFinestLevel, "belowFinestLevel");
    }

    public static PolicyRule everywhere(Treatment treatment) {
        return new PolicyRule(treatment, null, Integer.MAX_VALUE, treatment);
    }

    /** The treatment of a table whose finest area has the given granularity. */
    public Treatment treatmentAt(int granularity) {
        return granularity <= finestGranularity ? treatment : belowFinestLevel;
    }
}
