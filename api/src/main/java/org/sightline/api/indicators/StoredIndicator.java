package org.sightline.api.indicators;

import java.util.List;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.domain.indicator.IndicatorDefinition;

/**
 * An indicator as stored: its database id, its definition, the owning organisation and its
 * characteristic types in column order (position 1 = observation.c1_value_id).
 */
public record StoredIndicator(int dbId, IndicatorDefinition definition, Integer ownerOrganisationId, List<StoredType> characteristicTypes) {

    public String id() {
        return definition.id();
    }
}
