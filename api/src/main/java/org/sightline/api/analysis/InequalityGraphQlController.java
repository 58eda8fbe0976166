package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code inequality}: for each area, period and combination of the other breakdown
 * characteristics, the groups of one ordered characteristic (IMD decile, age band) with the gaps
 * between the extreme groups and the slope index of inequality. The groups are the question's
 * observations exactly as the caller's privacy treatment released them, and every measure is
 * derived from those, so an inequality never reveals more than the same question's observations.
 */
@Controller
class InequalityGraphQlController {

    /** One set of ordered groups and its measures. */
    record Inequality(AreaRef area, Period period, List<CharacteristicRef> characteristics, String by,
                      List<PublishedObservation> groups, Double absoluteGap, Double relativeGap,
                      InequalityMeasures.SlopeIndex sii, String note) {
    }

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;

    InequalityGraphQlController(ObservationService observations, IndicatorCatalogue indicators) {
        this.observations = observations;
        this.indicators = indicators;
    }

    @QueryMapping
    List<Inequality> inequality(@Argument("query") ObservationQueryInput input, @Argument String by, @ContextValue Caller caller) {
        ObservationQuery asked = input.toQuery();
        StoredIndicator indicator = indicators.require(asked.indicator());
        StoredType type = orderedType(indicator, by);
        if (asked.filter().stream().anyMatch(f -> f.type().equals(by))) {
            throw new InvalidQueryException("inequality compares every value of '" + by + "'; remove the filter on " + by);
        }
        List<String> breakdown = new ArrayList<>(asked.breakdown());
        if (!breakdown.contains(by)) {
            breakdown.add(by);
        }
        ObservationQuery query = new ObservationQuery(asked.indicator(), asked.areas(), asked.periods(), breakdown, asked.filter(), asked.asOf());

        Map<String, List<PublishedObservation>> sets = new LinkedHashMap<>();
        for (PublishedObservation row : observations.answer(query, caller)) {
            String key = row.area().code() + "|" + row.period().code() + "|"
                    + others(row, by).stream().map(CharacteristicRef::code).toList();
            sets.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Inequality> result = new ArrayList<>(sets.size());
        for (List<PublishedObservation> groups : sets.values()) {
            groups.sort(Comparator.comparingInt(row -> valueOf(row, by).sortOrder()));
            PublishedObservation first = groups.get(0);
            InequalityMeasures.Measured measured = InequalityMeasures.measure(indicator.definition(), type, groups);
            result.add(new Inequality(first.area(), first.period(), others(first, by), by, List.copyOf(groups),
                    measured.absoluteGap(), measured.relativeGap(), measured.sii(), measured.note()));
        }
        return result;
    }

    /** The indicator's characteristic type {@code by}, refused with the ordered alternatives if it has no order. */
    private static StoredType orderedType(StoredIndicator indicator, String by) {
        List<StoredType> types = indicator.characteristicTypes();
        List<String> ordered = types.stream().filter(StoredType::ordered).map(StoredType::code).toList();
        String alternatives = ordered.isEmpty() ? "it has no ordered characteristic type" : "its ordered types: " + ordered;
        StoredType type = types.stream().filter(t -> t.code().equals(by)).findFirst()
                .orElseThrow(() -> new InvalidQueryException("indicator '" + indicator.id() + "' is not broken down by '" + by
                        + "'; " + alternatives));
        if (!type.ordered()) {
            throw new InvalidQueryException("characteristic type '" + by + "' (" + type.name() + ") has no order, so it has no "
                    + "first and last group and no slope across groups; inequality needs an ordered type such as an IMD decile "
                    + "or age band (" + alternatives + ")");
        }
        return type;
    }

    private static List<CharacteristicRef> others(PublishedObservation row, String by) {
        return row.characteristics().stream().filter(c -> !c.type().equals(by)).toList();
    }

    private static CharacteristicRef valueOf(PublishedObservation row, String by) {
        return row.characteristics().stream().filter(c -> c.type().equals(by)).findFirst().orElseThrow();
    }
}
