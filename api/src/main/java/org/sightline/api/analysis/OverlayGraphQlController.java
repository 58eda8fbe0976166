package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.analysis.Correlation;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code overlay}: two indicators over the same areas and period as pairs for a scatter
 * plot, with Pearson's correlation over the pairs where both values were released. Each
 * indicator is asked through the privacy engine exactly as {@code observations} would be.
 */
@Controller
class OverlayGraphQlController {

    /** One area's pair of observations. */
    record OverlayPair(AreaRef area, PublishedObservation x, PublishedObservation y) {
    }

    /** The pairs and their correlation (null when fewer than three complete pairs). */
    record Overlay(List<OverlayPair> pairs, Double correlation, int completePairs) {
    }

    private final ObservationService observations;

    OverlayGraphQlController(ObservationService observations) {
        this.observations = observations;
    }

    @QueryMapping
    Overlay overlay(@Argument String x, @Argument String y, @Argument ObservationQueryInput.AreaSelectorInput areas, @Argument String period,
                    @ContextValue Caller caller) {
        if (x.equals(y)) {
            throw new InvalidQueryException("overlay needs two different indicators");
        }
        AreaSelector selector = areas.toSelector();
        PeriodSelector periods = period == null ? PeriodSelector.LATEST : PeriodSelector.of(null, List.of(period), null, null);
        Map<String, PublishedObservation> xs = byArea(observations.answer(new ObservationQuery(x, selector, periods, List.of(), List.of()), caller));
        Map<String, PublishedObservation> ys = byArea(observations.answer(new ObservationQuery(y, selector, periods, List.of(), List.of()), caller));
        String xPeriod = xs.values().stream().map(o -> o.period().code()).findFirst().orElse(null);
        String yPeriod = ys.values().stream().map(o -> o.period().code()).findFirst().orElse(null);
        if (xPeriod != null && yPeriod != null && !xPeriod.equals(yPeriod)) {
            throw new InvalidQueryException("the indicators' latest periods differ (" + x + ": " + xPeriod + ", " + y + ": " + yPeriod
                    + "); give the period to compare");
        }
        List<OverlayPair> pairs = new ArrayList<>();
        List<Correlation.Pair> complete = new ArrayList<>();
        xs.forEach((code, xo) -> {
            PublishedObservation yo = ys.get(code);
            if (yo != null) {
                pairs.add(new OverlayPair(xo.area(), xo, yo));
                if (xo.value() != null && yo.value() != null) {
                    complete.add(new Correlation.Pair(xo.value(), yo.value()));
                }
            }
        });
        return new Overlay(pairs, Correlation.pearson(complete), complete.size());
    }

    private static Map<String, PublishedObservation> byArea(List<PublishedObservation> rows) {
        Map<String, PublishedObservation> byArea = new LinkedHashMap<>();
        rows.forEach(r -> byArea.put(r.area().code(), r));
        return byArea;
    }
}
