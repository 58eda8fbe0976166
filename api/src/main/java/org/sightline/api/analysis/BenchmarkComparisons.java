package org.sightline.api.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.analysis.QuintileComparison;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.ValueInterval;
import org.sightline.domain.statistics.BenchmarkComparison;
import org.sightline.domain.statistics.ComparisonOutcome;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.statistics.Judgement;
import org.springframework.stereotype.Service;

/**
 * Sets the areas of a question beside a benchmark area: the one implementation behind GraphQL
 * {@code compare} and the CSV export's comparison columns, so the two cannot disagree about a row
 * (GraphQL leaves out rows whose benchmark has no observation; the CSV keeps them, NOT_COMPARED).
 * <p>
 * Everything read comes from {@link ObservationService#answer} for the same caller: the benchmark
 * is the benchmark area's answer to the same question (periods, breakdown, filter), and each area
 * is judged from its released numbers only. CI_OVERLAP_* test whether the area's interval (95% or
 * 99.8%, from its released numerator and denominator) contains the benchmark's released value
 * ({@link BenchmarkComparison}); QUINTILES place the area's released value among the released
 * values of all the question's areas in the same period and characteristic combination
 * ({@link QuintileComparison}), so a withheld value is neither placed nor counted.
 */
@Service
public class BenchmarkComparisons {

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;
    private final AreaDirectory areas;

    BenchmarkComparisons(ObservationService observations, IndicatorCatalogue indicators, AreaDirectory areas) {
        this.observations = observations;
        this.indicators = indicators;
        this.areas = areas;
    }

    /** The default benchmark of a question whose answer starts with {@code firstArea}: the country it lies in (itself at the top). */
    public String defaultBenchmark(AreaRef firstArea) {
        return areas.parents(List.of(firstArea.code()), "country").getOrDefault(firstArea.code(), firstArea).code();
    }

    /**
     * Prepares the comparison of a question's rows, answering the benchmark's question now (so a
     * refused or unknown benchmark fails here, before any row is compared).
     *
     * @param benchmarkCode the benchmark area; null for none (then the overlap methods say NOT_COMPARED)
     */
    public Comparer comparer(ObservationQuery query, String benchmarkCode, ComparisonMethod method, Caller caller) {
        IndicatorDefinition definition = indicators.require(query.indicator()).definition();
        Map<String, PublishedObservation> benchmarks = new HashMap<>();
        if (benchmarkCode != null) {
            ObservationQuery benchmarkQuery = new ObservationQuery(query.indicator(), AreaSelector.codes(List.of(benchmarkCode)),
                    query.periods(), query.breakdown(), query.filter(), query.asOf());
            observations.answer(benchmarkQuery, caller).forEach(b -> benchmarks.put(groupOf(b), b));
        }
        return new Comparer(definition, method, benchmarkCode, benchmarks);
    }

    /** Which rows are compared with each other and with the same benchmark row: one period and characteristic combination. */
    public static String groupOf(PublishedObservation row) {
        return row.period().code() + "|" + row.characteristics().stream().map(CharacteristicRef::code).toList();
    }

    /** One area's comparison: the benchmark row it was set beside (null if the benchmark has none), the outcome, the quintile (QUINTILES only). */
    public record Verdict(PublishedObservation benchmark, ComparisonOutcome outcome, Integer quintile) {
    }

    /**
     * Compares the rows of one question. For QUINTILES every row must be {@linkplain #include
     * included} before the first is judged, since each is placed among all of them; the overlap
     * methods judge each row on its own, so a stream of rows can be judged as it passes.
     */
    public static final class Comparer {

        private final IndicatorDefinition definition;
        private final ComparisonMethod method;
        private final String benchmarkCode;
        private final Map<String, PublishedObservation> benchmarks;
        private final Map<String, QuintileComparison> quintiles = new HashMap<>();
        private boolean judging;

        private Comparer(IndicatorDefinition definition, ComparisonMethod method, String benchmarkCode,
                         Map<String, PublishedObservation> benchmarks) {
            this.definition = definition;
            this.method = method;
            this.benchmarkCode = benchmarkCode;
            this.benchmarks = benchmarks;
        }

        public ComparisonMethod method() {
            return method;
        }

        /** The benchmark area's code, or null when there is none. */
        public String benchmarkCode() {
            return benchmarkCode;
        }

        /** Whether every row must be included before any is judged. */
        public boolean needsEveryRowFirst() {
            return method == ComparisonMethod.QUINTILES;
        }

        /** Counts a row among the compared areas (for QUINTILES; the other methods need nothing). */
        public void include(PublishedObservation row) {
            if (!needsEveryRowFirst()) {
                return;
            }
            if (judging) {
                throw new IllegalStateException("every row must be included before the first is judged");
            }
            quintiles.computeIfAbsent(groupOf(row), g -> new QuintileComparison(definition.polarity())).add(row.value());
        }

        public Verdict judge(PublishedObservation row) {
            return judge(groupOf(row), row.value(), row.count(), row.denominator());
        }

        /** Judges a row given by its {@linkplain #groupOf group} and released numbers (for rows no longer held whole). */
        public Verdict judge(String group, Double value, Long count, Long denominator) {
            judging = true;
            PublishedObservation benchmark = benchmarks.get(group);
            if (method == ComparisonMethod.QUINTILES) {
                QuintileComparison among = quintiles.get(group);
                Integer quintile = among == null ? null : among.quintile(value);
                return new Verdict(benchmark, QuintileComparison.outcomeOf(quintile, definition.polarity()), quintile);
            }
            IntervalEstimate interval = ValueInterval.of(definition.measureType(), definition.multiplier(), count, denominator,
                    method.confidenceLevel());
            ComparisonOutcome outcome = benchmark == null || interval == null ? ComparisonOutcome.NOT_COMPARED
                    : BenchmarkComparison.compare(interval.lower(), interval.upper(), benchmark.value(),
                            Judgement.valueOf(definition.polarity().name()));
            return new Verdict(benchmark, outcome, null);
        }
    }
}
