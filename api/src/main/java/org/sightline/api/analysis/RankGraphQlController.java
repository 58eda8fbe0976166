package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.analysis.NeedRanking;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.ObservationQuery;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code rank}: the areas of a question ranked by need within each period and
 * characteristic combination, from the values the caller's privacy treatment released (a
 * suppressed area gets no rank; a noisy value is ranked as published), so a ranking never reveals
 * more than the same question's observations.
 */
@Controller
class RankGraphQlController {

    /** One ranked observation. */
    record Ranking(PublishedObservation observation, Integer rank, Integer quintile) {
    }

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;

    RankGraphQlController(ObservationService observations, IndicatorCatalogue indicators) {
        this.observations = observations;
        this.indicators = indicators;
    }

    @QueryMapping
    List<Ranking> rank(@Argument("query") ObservationQueryInput input, @ContextValue Caller caller) {
        ObservationQuery query = input.toQuery();
        var polarity = indicators.require(query.indicator()).definition().polarity();
        Map<String, List<PublishedObservation>> groups = new LinkedHashMap<>();
        for (PublishedObservation row : observations.answer(query, caller)) {
            String group = row.period().code() + "|" + row.characteristics().stream().map(CharacteristicRef::code).toList();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        List<Ranking> rankings = new ArrayList<>();
        groups.values().forEach(rows -> {
            var ranked = NeedRanking.rank(rows.stream().map(r -> new NeedRanking.Candidate<>(r, r.value())).toList(), polarity);
            ranked.forEach(r -> rankings.add(new Ranking(r.key(), r.rank(), r.quintile())));
        });
        rankings.sort(java.util.Comparator.comparing((Ranking r) -> r.observation().period().start())
                .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.observation().area().code()));
        return rankings;
    }
}
