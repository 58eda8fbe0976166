package org.sightline.domain.indicator;

/** How sensitive an indicator is; together with the caller's role it selects the disclosure policy. */
public enum DisclosureClass {
    /** Already public (population estimates, deprivation ranks): exact for everyone. */
    OPEN,
    /** Counts of people using services: protected for PUBLIC and PARTNER callers. */
    SENSITIVE,
    /** Health, safeguarding, crime victims: protected for all but the steward and agreement-holding analysts. */
    HIGHLY_SENSITIVE
}
