package org.sightline.api.observations;

import java.util.Collection;
import java.util.Comparator;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.privacy.Entitlements;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.privacy.policy.Access.EffectiveRole;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.Treatment;

/**
 * Which treatment one caller's question about one indicator gets: the policy matrix's rule for the
 * caller's standing, read at the levels of the areas asked about, with every refusal explained in
 * words that name the rule. Custom areas count as areas of their finest member level, and are
 * answered only exactly or with noise (see {@link #forCustomAreas}).
 */
final class TreatmentDecision {

    private final PolicyRule rule;
    private final IndicatorDefinition definition;
    private final Caller caller;
    private final Entitlements.Standing standing;
    private final AreaDirectory areas;

    TreatmentDecision(PolicyRule rule, IndicatorDefinition definition, Caller caller, Entitlements.Standing standing,
                      AreaDirectory areas) {
        this.rule = rule;
        this.definition = definition;
        this.caller = caller;
        this.standing = standing;
        this.areas = areas;
    }

    PolicyRule rule() {
        return rule;
    }

    /** Whether the caller's standing is the public's (anonymous callers and operators). */
    boolean publicStanding() {
        return standing.access().effectiveRole() == EffectiveRole.PUBLIC;
    }

    /** Refuses an indicator the caller may not see at any level. */
    void requireSomeAccess() {
        if (rule.treatment() == Treatment.FORBIDDEN && rule.belowFinestLevel() == Treatment.FORBIDDEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + (caller.role() == Role.ANALYST ? ": analysts need a live data sharing agreement covering it for their organisation"
                    : ": your role (" + caller.role() + ") may not see it"));
        }
    }

    /** The treatment at one area level, refusing levels the rule forbids. */
    Treatment atLevel(String areaType) {
        var type = areas.areaType(areaType);
        Treatment treatment = rule.treatmentAt(type == null ? Integer.MAX_VALUE : type.granularity());
        if (treatment == Treatment.FORBIDDEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": your role (" + caller.role() + ") may query it at " + rule.finestLevel()
                    + " level or coarser, and " + areaType + " is finer");
        }
        return treatment;
    }

    /** The strongest treatment over the given area levels (EXACT for none). */
    Treatment atLevels(Collection<String> areaTypes) {
        return areaTypes.stream().distinct().map(this::atLevel).reduce(Treatment.EXACT, TreatmentDecision::strongest);
    }

    /**
     * The treatment of custom areas made of members of the given types: that of their finest
     * member level (EXACT for none). Custom areas are answered only exactly or with consistent
     * noise. Under suppression or rounding they are refused: a caller who may define areas could
     * build two that differ by one withheld cell, and no suppression pattern fixed before that area
     * existed can protect against it. Callers with public standing get no custom areas of non-OPEN
     * indicators at all (docs/privacy.md): they have no budget to charge, and noisy answers
     * to many overlapping areas anyone can define would add up.
     */
    Treatment forCustomAreas(Collection<String> memberTypes) {
        if (memberTypes.isEmpty()) {
            return Treatment.EXACT;
        }
        if (publicStanding() && definition.disclosureClass() != DisclosureClass.OPEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": custom geographies are not answered for the public (or operators, who see what the public sees) on it; "
                    + "ask for standard areas");
        }
        Treatment treatment = atLevels(memberTypes);
        if (treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": your role (" + caller.role() + ") gets it with " + (treatment == Treatment.SUPPRESS ? "suppression" : "rounding")
                    + " at the level of this custom area's members, and a custom area could be differenced against published "
                    + "areas to work out a withheld number; ask for the standard areas instead");
        }
        return treatment;
    }

    /** The more protective of two treatments, so a mixed answer gets the strongest. */
    static Treatment strongest(Treatment a, Treatment b) {
        return Comparator.comparingInt(TreatmentDecision::strength).compare(a, b) >= 0 ? a : b;
    }

    private static int strength(Treatment treatment) {
        return switch (treatment) {
            case EXACT -> 0;
            case SUPPRESS -> 1;
            case ROUND -> 2;
            case NOISE -> 3;
            case FORBIDDEN -> 4;
        };
    }
}
