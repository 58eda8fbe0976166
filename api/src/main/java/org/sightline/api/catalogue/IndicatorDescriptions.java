package org.sightline.api.catalogue;

import java.util.List;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.IndicatorDescription;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an indicator's catalogue description (contact, topics, refresh schedule) by those who
 * answer for it: a STEWARD of the organisation that owns it, or an ADMIN.
 */
@Service
class IndicatorDescriptions {

    private final IndicatorCatalogue catalogue;
    private final Indicators indicators;
    private final DataVersion dataVersion;

    IndicatorDescriptions(IndicatorCatalogue catalogue, Indicators indicators, DataVersion dataVersion) {
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.dataVersion = dataVersion;
    }

    /**
     * Replaces the parts given (null = keep): an empty contact clears it, an empty topic list
     * clears them, a schedule replaces the whole schedule.
     *
     * @throws ForbiddenException unless the caller is an ADMIN or a STEWARD of the owning organisation
     */
    @Transactional
    StoredIndicator describe(Caller caller, String indicatorId, String contact, List<String> topics, RefreshSchedule schedule) {
        StoredIndicator indicator = catalogue.require(indicatorId);
        requireAnswersFor(caller, indicator, "change its catalogue description");
        IndicatorDescription current = indicators.description(indicator.dbId());
        IndicatorDescription changed = new IndicatorDescription(contact == null ? current.contact() : contact,
                topics == null ? current.topics() : topics, schedule == null ? current.schedule() : schedule);
        if (!changed.equals(current)) {
            indicators.describe(indicator.dbId(), changed);
            // The public's answers are kept per data version, and they show the description.
            dataVersion.bump();
        }
        return indicator;
    }

    /** ADMIN, or a STEWARD of the organisation that owns the indicator; everyone else is refused, naming the rule. */
    static void requireAnswersFor(Caller caller, StoredIndicator indicator, String action) {
        boolean owningSteward = caller.role() == Role.STEWARD && caller.organisationId() != null
                && caller.organisationId().equals(indicator.ownerOrganisationId());
        if (caller.role() != Role.ADMIN && !owningSteward) {
            throw new ForbiddenException("only a STEWARD of the organisation that owns indicator '" + indicator.id()
                    + "', or an ADMIN, may " + action + "; you are " + caller.role()
                    + (caller.role() == Role.STEWARD ? " of another organisation" : ""));
        }
    }
}
