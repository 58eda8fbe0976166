package org.sightline.privacy.policy;

import java.util.EnumMap;
import java.util.Map;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.policy.Access.EffectiveRole;

/**
 * The policy for every (effective role, disclosure class). {@link #defaults()} is the safe
 * starting point of docs/privacy.md; deployments override single cells from configuration.
 */
public final class PolicyMatrix {

    private static final int WARD = 50;
    private static final int DISTRICT = 40;

    private final Map<DisclosureClass, Map<EffectiveRole, PolicyRule>> rules = new EnumMap<>(DisclosureClass.class);

    private PolicyMatrix() {
    }

    /**
     * OPEN data is exact for everyone. SENSITIVE: noise for the public and suppression for
     * partners, down to wards; exact for agreement-holding analysts down to wards (suppressed
     * below); exact for the owning steward. HIGHLY_SENSITIVE: noise down to districts for the
     * public and partners, exact down to districts for agreement-holding analysts (suppressed down
     * to wards, refused below), exact for the owning steward. Analysts without an agreement are
     * refused any non-OPEN data.
     */
    public static PolicyMatrix defaults() {
        PolicyMatrix m = new PolicyMatrix();
        for (EffectiveRole role : EffectiveRole.values()) {
            m.set(DisclosureClass.OPEN, role, PolicyRule.everywhere(Treatment.EXACT));
        }
        m.set(DisclosureClass.SENSITIVE, EffectiveRole.PUBLIC, new PolicyRule(Treatment.NOISE, "ward", WARD, Treatment.FORBIDDEN));
        m.set(DisclosureClass.SENSITIVE, EffectiveRole.PARTNER, new PolicyRule(Treatment.SUPPRESS, "ward", WARD, Treatment.FORBIDDEN));
        m.set(DisclosureClass.SENSITIVE, EffectiveRole.ANALYST_WITH_AGREEMENT, new PolicyRule(Treatment.EXACT, "ward", WARD, Treatment.SUPPRESS));
        m.set(DisclosureClass.SENSITIVE, EffectiveRole.ANALYST_WITHOUT_AGREEMENT, PolicyRule.everywhere(Treatment.FORBIDDEN));
        m.set(DisclosureClass.SENSITIVE, EffectiveRole.OWNING_STEWARD, PolicyRule.everywhere(Treatment.EXACT));
        m.set(DisclosureClass.HIGHLY_SENSITIVE, EffectiveRole.PUBLIC, new PolicyRule(Treatment.NOISE, "lad", DISTRICT, Treatment.FORBIDDEN));
        m.set(DisclosureClass.HIGHLY_SENSITIVE, EffectiveRole.PARTNER, new PolicyRule(Treatment.NOISE, "lad", DISTRICT, Treatment.FORBIDDEN));
        m.set(DisclosureClass.HIGHLY_SENSITIVE, EffectiveRole.ANALYST_WITH_AGREEMENT, new PolicyRule(Treatment.EXACT, "lad", DISTRICT, Treatment.SUPPRESS));
        m.set(DisclosureClass.HIGHLY_SENSITIVE, EffectiveRole.ANALYST_WITHOUT_AGREEMENT, PolicyRule.everywhere(Treatment.FORBIDDEN));
        m.set(DisclosureClass.HIGHLY_SENSITIVE, EffectiveRole.OWNING_STEWARD, PolicyRule.everywhere(Treatment.EXACT));
        return m;
    }

    /** A copy of this matrix with one rule replaced. */
    public PolicyMatrix with(DisclosureClass disclosureClass, EffectiveRole role, PolicyRule rule) {
        PolicyMatrix copy = new PolicyMatrix();
        rules.forEach((c, byRole) -> byRole.forEach((r, p) -> copy.set(c, r, p)));
        copy.set(disclosureClass, role, rule);
        return copy;
    }

    /** Every rule, by class and role: equal matrices print equally (HTTP validators include it). */
    @Override
    public String toString() {
        return rules.toString();
    }

    public PolicyRule ruleFor(Access access, DisclosureClass disclosureClass) {
        return ruleFor(access.effectiveRole(), disclosureClass);
    }

    /** The rule of one row and column, e.g. to find every table suppression needs for a class. */
    public PolicyRule ruleFor(EffectiveRole role, DisclosureClass disclosureClass) {
        return rules.get(disclosureClass).get(role);
    }

    private void set(DisclosureClass disclosureClass, EffectiveRole role, PolicyRule rule) {
        rules.computeIfAbsent(disclosureClass, c -> new EnumMap<>(EffectiveRole.class)).put(role, rule);
    }
}
