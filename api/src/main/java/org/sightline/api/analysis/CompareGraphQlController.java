package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.ValueInterval;
import org.sightline.domain.statistics.BenchmarkComparison;
import org.sightline.domain.statistics.ComparisonOutcome;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.statistics.Judgement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code compare}: each area of a question beside a benchmark area (default: the
 * country the first area lies in), classified as Fingertips does by whether the area's confidence
 * interval (95% or 99.8%, from its released numerator and denominator) contains the benchmark's
 * released value, read with the indicator's polarity. Both sides pass the privacy engine.
 */
@Controller
class CompareGraphQlController {

    /** One area beside its benchmark. */
    record Comparison(PublishedObservation observation, PublishedObservation benchmark, ComparisonOutcome outcome) {
    }

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;
    private final AreaDirectory areas;

    CompareGraphQlController(ObservationService observations, IndicatorCatalogue indicators, AreaDirectory areas) {
        this.observations = observations;
        this.indicators = indicators;
        this.areas = areas;
    }

    @QueryMapping
    List<Comparison> compare(@Argument("query") ObservationQueryInput input, @Argument String benchmark, @Argument String method,
                             @ContextValue Caller caller) {
        ConfidenceLevel level = switch (method == null ? "CI_OVERLAP_95" : method) {
            case "CI_OVERLAP_95" -> ConfidenceLevel.NINETY_FIVE;
            case "CI_OVERLAP_99_8" -> ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
            default -> throw new InvalidQueryException("comparison method " + method + " is not available yet; use CI_OVERLAP_95 or CI_OVERLAP_99_8");
        };
        ObservationQuery query = input.toQuery();
        StoredIndicator indicator = indicators.require(query.indicator());
        List<PublishedObservation> rows = observations.answer(query, caller);
        if (rows.isEmpty()) {
            return List.of();
        }
        String first = rows.get(0).area().code();
        String benchmarkCode = benchmark != null ? benchmark
                : areas.parents(List.of(first), "country").getOrDefault(first, rows.get(0).area()).code();
        ObservationQuery benchmarkQuery = new ObservationQuery(query.indicator(), AreaSelector.codes(List.of(benchmarkCode)),
                query.periods(), query.breakdown(), query.filter());
        Map<String, PublishedObservation> benchmarks = new HashMap<>();
        observations.answer(benchmarkQuery, caller).forEach(b -> benchmarks.put(group(b), b));
        Judgement judgement = Judgement.valueOf(indicator.definition().polarity().name());
        List<Comparison> comparisons = new ArrayList<>();
        for (PublishedObservation row : rows) {
            PublishedObservation against = benchmarks.get(group(row));
            IntervalEstimate interval = ValueInterval.of(indicator.definition().measureType(), indicator.definition().multiplier(),
                    row.count(), row.denominator(), level);
            ComparisonOutcome outcome = against == null || interval == null ? ComparisonOutcome.NOT_COMPARED
                    : BenchmarkComparison.compare(interval.lower(), interval.upper(), against.value(), judgement);
            if (against != null) {
                comparisons.add(new Comparison(row, against, outcome));
            }
        }
        return comparisons;
    }

    private static String group(PublishedObservation row) {
        return row.period().code() + "|" + row.characteristics().stream().map(CharacteristicRef::code).toList();
    }
}
