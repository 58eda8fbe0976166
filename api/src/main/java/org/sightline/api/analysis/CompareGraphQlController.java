package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.List;
import org.sightline.api.observations.ObservationQueryInput;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.statistics.ComparisonOutcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code compare}: each area of a question beside a benchmark area (default: the country
 * the first area lies in), judged by {@link BenchmarkComparisons} - Fingertips CI overlap at 95% or
 * 99.8%, or quintiles among the question's areas - read with the indicator's polarity. Both sides
 * pass the privacy engine. A row whose period and characteristics the benchmark has no row for is
 * left out, since every comparison names its benchmark observation.
 */
@Controller
class CompareGraphQlController {

    /** One area beside its benchmark; quintile only for QUINTILES. */
    record Comparison(PublishedObservation observation, PublishedObservation benchmark, ComparisonOutcome outcome, Integer quintile) {
    }

    private final ObservationService observations;
    private final BenchmarkComparisons comparisons;

    CompareGraphQlController(ObservationService observations, BenchmarkComparisons comparisons) {
        this.observations = observations;
        this.comparisons = comparisons;
    }

    @QueryMapping
    List<Comparison> compare(@Argument("query") ObservationQueryInput input, @Argument String benchmark,
                             @Argument ComparisonMethod method, @ContextValue Caller caller) {
        ObservationQuery query = input.toQuery();
        List<PublishedObservation> rows = observations.answer(query, caller);
        if (rows.isEmpty()) {
            return List.of();
        }
        BenchmarkComparisons.Comparer comparer = comparisons.comparer(query,
                benchmark != null ? benchmark : comparisons.defaultBenchmark(rows.get(0).area()),
                method == null ? ComparisonMethod.CI_OVERLAP_95 : method, caller);
        rows.forEach(comparer::include);
        List<Comparison> result = new ArrayList<>(rows.size());
        for (PublishedObservation row : rows) {
            BenchmarkComparisons.Verdict verdict = comparer.judge(row);
            // Comparison.benchmark is non-null in the schema, so a row whose benchmark has no
            // observation for its period and characteristics is left out (the CSV keeps it, with
            // blank benchmark columns and NOT_COMPARED).
            if (verdict.benchmark() != null) {
                result.add(new Comparison(row, verdict.benchmark(), verdict.outcome(), verdict.quintile()));
            }
        }
        return result;
    }
}
