package org.sightline.api.observations;

import java.util.List;
import java.util.Map;
import org.sightline.api.releases.ReleaseIds;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;

/** The GraphQL {@code ObservationQuery} input, converted into a validated domain query. */
public record ObservationQueryInput(String indicator, Map<String, Object> areas, Map<String, Object> periods,
                                    List<String> breakdown, List<Map<String, Object>> filter, String asOf) {

    @SuppressWarnings("unchecked")
    public ObservationQuery toQuery() {
        if (areas == null) {
            throw new InvalidQueryException("areas is required");
        }
        AreaSelector selector = areaSelector(areas);
        PeriodSelector periodSelector = periods == null ? PeriodSelector.LATEST : PeriodSelector.of(
                (Boolean) periods.get("latest"), (List<String>) periods.get("codes"),
                (String) periods.get("from"), (String) periods.get("to"));
        List<CharacteristicFilter> filters = filter == null ? List.of() : filter.stream()
                .map(f -> new CharacteristicFilter((String) f.get("type"), (List<String>) f.get("values"))).toList();
        return new ObservationQuery(indicator, selector, periodSelector, breakdown, filters,
                asOf == null ? null : ReleaseIds.parse(asOf));
    }

    /** The GraphQL {@code AreaSelector} input as a validated domain selector. */
    @SuppressWarnings("unchecked")
    public static AreaSelector areaSelector(Map<String, Object> areas) {
        return new AreaSelector((List<String>) areas.get("codes"), (String) areas.get("within"),
                (String) areas.get("level"), (String) areas.get("customGeography"));
    }
}
