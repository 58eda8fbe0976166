package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.sightline.domain.statistics.ProportionTrendPoint;
import org.sightline.domain.statistics.RecentTrends;
import org.sightline.domain.statistics.TrendAssessment;
import org.sightline.domain.statistics.TrendClassification;
import org.sightline.domain.statistics.ValueTrendPoint;
import org.sightline.domain.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code trend}: a time series per area (and characteristic combination) over the
 * question's periods - every period when none are given - with the change from the first to the
 * last point and the Fingertips recent-trend marker over the five most recent points (chi-square
 * test for trend for percentages, weighted regression otherwise, at 99.8%), read with the
 * indicator's polarity. Points are the caller's released values, so a trend reveals nothing the
 * same question's observations would not.
 */
@Controller
class TrendGraphQlController {

    /** One series. */
    record Trend(AreaRef area, List<CharacteristicRef> characteristics, List<PublishedObservation> points, Double change,
                 TrendClassification recentTrend, String classification) {
    }

    private static final int POINTS_NEEDED = 5;

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;

    TrendGraphQlController(ObservationService observations, IndicatorCatalogue indicators) {
        this.observations = observations;
        this.indicators = indicators;
    }

    @QueryMapping
    List<Trend> trend(@Argument("query") ObservationQueryInput input, @ContextValue Caller caller) {
        ObservationQuery asked = input.toQuery();
        ObservationQuery query = asked.periods().latest()
                ? new ObservationQuery(asked.indicator(), asked.areas(), new PeriodSelector(false, List.of(), Period.parse("1000"), null),
                        asked.breakdown(), asked.filter(), asked.asOf())
                : asked;
        IndicatorDefinition definition = indicators.require(query.indicator()).definition();
        Map<String, List<PublishedObservation>> series = new LinkedHashMap<>();
        for (PublishedObservation row : observations.answer(query, caller)) {
            series.computeIfAbsent(row.area().code() + "|" + row.characteristics().stream().map(CharacteristicRef::code).toList(),
                    k -> new ArrayList<>()).add(row);
        }
        List<Trend> trends = new ArrayList<>();
        for (List<PublishedObservation> points : series.values()) {
            points.sort(Comparator.comparing(PublishedObservation::period));
            PublishedObservation first = points.get(0);
            PublishedObservation last = points.get(points.size() - 1);
            Double change = first.value() == null || last.value() == null || points.size() < 2 ? null : last.value() - first.value();
            TrendClassification recentTrend = classify(definition, points);
            trends.add(new Trend(first.area(), first.characteristics(), points, change, recentTrend, describe(recentTrend)));
        }
        return trends;
    }

    private static TrendClassification classify(IndicatorDefinition definition, List<PublishedObservation> points) {
        List<PublishedObservation> recent = points.subList(Math.max(0, points.size() - POINTS_NEEDED), points.size());
        if (recent.size() < POINTS_NEEDED || recent.stream().anyMatch(p -> p.value() == null || p.lowerCI() == null)) {
            return TrendClassification.CANNOT_BE_CALCULATED;
        }
        TrendAssessment assessment;
        boolean percentage = definition.measureType() == MeasureType.RATIO && definition.multiplier() == 100;
        if (percentage) {
            List<ProportionTrendPoint> proportions = new ArrayList<>();
            for (int i = 0; i < recent.size(); i++) {
                proportions.add(new ProportionTrendPoint(i + 1, recent.get(i).count(), recent.get(i).denominator()));
            }
            assessment = RecentTrends.forProportions(proportions);
        } else {
            List<ValueTrendPoint> values = new ArrayList<>();
            for (int i = 0; i < recent.size(); i++) {
                PublishedObservation p = recent.get(i);
                values.add(new ValueTrendPoint(i + 1, p.value(), p.lowerCI(), p.upperCI()));
            }
            assessment = RecentTrends.forValues(values);
        }
        return TrendClassification.of(assessment.direction(), definition.polarity());
    }

    private static String describe(TrendClassification recentTrend) {
        return recentTrend == TrendClassification.CANNOT_BE_CALCULATED
                ? recentTrend.phrase() + " (needs " + POINTS_NEEDED + " recent points with released values)"
                : recentTrend.phrase();
    }
}
