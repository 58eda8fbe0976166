package org.sightline.api.observations;

import java.util.List;
import org.sightline.api.releases.ReleaseIds;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;

/**
 * The GraphQL {@code ObservationQuery} input, bound field by field (Spring for GraphQL builds the
 * nested records from the schema's input types), converted into a validated domain query.
 */
public record ObservationQueryInput(String indicator, AreaSelectorInput areas, PeriodSelectorInput periods,
                                    List<String> breakdown, List<CharacteristicFilterInput> filter, String asOf) {

    /** The GraphQL {@code AreaSelector} input. */
    public record AreaSelectorInput(List<String> codes, String within, String level, String customGeography) {

        /** As a validated domain selector. */
        public AreaSelector toSelector() {
            return new AreaSelector(codes, within, level, customGeography);
        }
    }

    /** The GraphQL {@code PeriodSelector} input. */
    public record PeriodSelectorInput(Boolean latest, List<String> codes, String from, String to) {
    }

    /** The GraphQL {@code CharacteristicFilter} input. */
    public record CharacteristicFilterInput(String type, List<String> values) {
    }

    public ObservationQuery toQuery() {
        if (areas == null) {
            throw new InvalidQueryException("areas is required");
        }
        PeriodSelector periodSelector = periods == null ? PeriodSelector.LATEST
                : PeriodSelector.of(periods.latest(), periods.codes(), periods.from(), periods.to());
        List<CharacteristicFilter> filters = filter == null ? List.of()
                : filter.stream().map(f -> new CharacteristicFilter(f.type(), f.values())).toList();
        return new ObservationQuery(indicator, areas.toSelector(), periodSelector, breakdown, filters,
                asOf == null ? null : ReleaseIds.parse(asOf));
    }
}
