package org.sightline.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.policy.Access.EffectiveRole;

class PolicyMatrixTest {

    private static final int LSOA = 60;
    private static final int WARD = 50;
    private static final int DISTRICT = 40;
    private final PolicyMatrix defaults = PolicyMatrix.defaults();

    @Test
    void openDataIsExactForEveryone() {
        for (Role role : Role.values()) {
            assertThat(defaults.ruleFor(new Access(role, false, false), DisclosureClass.OPEN).treatmentAt(LSOA)).isEqualTo(Treatment.EXACT);
        }
    }

    @Test
    void sensitiveDataIsProtectedForThePublicAndPartnersAndRefusedBelowWards() {
        PolicyRule publicRule = defaults.ruleFor(new Access(Role.PUBLIC, false, false), DisclosureClass.SENSITIVE);
        assertThat(publicRule.treatmentAt(WARD)).isEqualTo(Treatment.NOISE);
        assertThat(publicRule.treatmentAt(LSOA)).isEqualTo(Treatment.FORBIDDEN);
        PolicyRule partner = defaults.ruleFor(new Access(Role.PARTNER, false, false), DisclosureClass.SENSITIVE);
        assertThat(partner.treatmentAt(DISTRICT)).isEqualTo(Treatment.SUPPRESS);
        assertThat(partner.treatmentAt(LSOA)).isEqualTo(Treatment.FORBIDDEN);
    }

    @Test
    void standingDecidesTheRowStewardsOnlyOwnTheirDataAnalystsNeedAnAgreementAdminsSeeWhatThePublicSees() {
        assertThat(new Access(Role.STEWARD, true, false).effectiveRole()).isEqualTo(EffectiveRole.OWNING_STEWARD);
        assertThat(new Access(Role.STEWARD, false, false).effectiveRole()).isEqualTo(EffectiveRole.PARTNER);
        assertThat(new Access(Role.ANALYST, false, true).effectiveRole()).isEqualTo(EffectiveRole.ANALYST_WITH_AGREEMENT);
        assertThat(new Access(Role.ANALYST, false, false).effectiveRole()).isEqualTo(EffectiveRole.ANALYST_WITHOUT_AGREEMENT);
        assertThat(new Access(Role.ADMIN, true, true).effectiveRole()).isEqualTo(EffectiveRole.PUBLIC);
        assertThat(defaults.ruleFor(new Access(Role.ANALYST, false, false), DisclosureClass.SENSITIVE).treatmentAt(DISTRICT))
                .isEqualTo(Treatment.FORBIDDEN);
        PolicyRule analyst = defaults.ruleFor(new Access(Role.ANALYST, false, true), DisclosureClass.HIGHLY_SENSITIVE);
        assertThat(analyst.treatmentAt(DISTRICT)).isEqualTo(Treatment.EXACT);
        assertThat(analyst.treatmentAt(WARD)).isEqualTo(Treatment.SUPPRESS);
    }

    @Test
    void aConfiguredRuleReplacesOneCellOnly() {
        PolicyMatrix stricter = defaults.with(DisclosureClass.SENSITIVE, EffectiveRole.PARTNER,
                new PolicyRule(Treatment.NOISE, "lad", DISTRICT, Treatment.FORBIDDEN));
        assertThat(stricter.ruleFor(new Access(Role.PARTNER, false, false), DisclosureClass.SENSITIVE).treatmentAt(WARD))
                .isEqualTo(Treatment.FORBIDDEN);
        assertThat(stricter.ruleFor(new Access(Role.PUBLIC, false, false), DisclosureClass.SENSITIVE).treatmentAt(WARD))
                .isEqualTo(Treatment.NOISE);
        assertThat(defaults.ruleFor(new Access(Role.PARTNER, false, false), DisclosureClass.SENSITIVE).treatmentAt(WARD))
                .isEqualTo(Treatment.SUPPRESS);
    }
}
