package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/**
 * Every district of the demo region against the country on the demo admissions rate (lower is
 * better), checked against Byar's intervals and the Fingertips overlap rule computed here from the
 * published counts and denominators; quintiles checked against placing the published values here.
 */
class CompareTest extends SightlineTest {

    @Test
    void districtsAreClassifiedAsAnIndependentCiOverlapComputationSays() {
        for (String method : new String[] {"CI_OVERLAP_95", "CI_OVERLAP_99_8"}) {
            double z = method.equals("CI_OVERLAP_95") ? 1.959964 : 3.090232;
            JsonNode comparisons = api().data("""
                    query($method: ComparisonMethod) { compare(query: {indicator: "demo-emergency-admissions",
                        areas: {within: "Z12000001", level: "lad"}, periods: {codes: ["2022"]}}, method: $method) {
                      outcome observation { area { code } count denominator value lowerCI upperCI ciMethod
                        wide: confidenceInterval(level: CI_99_8) { level lower upper method } }
                      benchmark { area { code } value } } }""", Map.of("method", method)).get("compare");
            assertThat(comparisons).hasSize(5);
            Map<String, Integer> outcomes = new HashMap<>();
            for (JsonNode c : comparisons) {
                assertThat(c.at("/benchmark/area/code").asString()).isEqualTo("Z92000001");
                long observed = c.at("/observation/count").asLong();
                long population = c.at("/observation/denominator").asLong();
                assertThat(observed).isGreaterThanOrEqualTo(10);
                double lower = byarLower(observed, z) / population * 1000;
                double upper = byarUpper(observed, z) / population * 1000;
                double england = c.at("/benchmark/value").asDouble();
                String expected = upper < england ? "BETTER" : lower > england ? "WORSE" : "SIMILAR";
                assertThat(c.get("outcome").asString()).as("%s %s", method, c.at("/observation/area/code").asString()).isEqualTo(expected);
                outcomes.merge(expected, 1, Integer::sum);
                if (method.equals("CI_OVERLAP_95")) {
                    assertThat(c.at("/observation/ciMethod").asString()).isEqualTo("BYAR");
                    assertThat(c.at("/observation/lowerCI").asDouble()).isCloseTo(lower, within(1e-6));
                    assertThat(c.at("/observation/upperCI").asDouble()).isCloseTo(upper, within(1e-6));
                } else {
                    // The 99.8% interval every observation carries is the one the comparison used.
                    assertThat(c.at("/observation/wide/level").asString()).isEqualTo("CI_99_8");
                    assertThat(c.at("/observation/wide/method").asString()).isEqualTo("BYAR");
                    assertThat(c.at("/observation/wide/lower").asDouble()).isCloseTo(lower, within(1e-6));
                    assertThat(c.at("/observation/wide/upper").asDouble()).isCloseTo(upper, within(1e-6));
                }
            }
            System.out.println("compare " + method + ": " + outcomes);
        }
    }

    @Test
    void quintilesPlaceEachReleasedValueAmongTheAreasBestFirst() {
        // Lower is better: quintile 1 holds the lowest admission rates.
        assertQuintilesAsComputedHere(api(), "demo-emergency-admissions", List.of("sex"), true);
    }

    @Test
    void withoutJudgementQuintileOneIsTheHighestAndAWithheldValueIsNeitherPlacedNorCounted() {
        // A partner sees suppressed service contacts: those get no quintile and do not count among the areas.
        List<JsonNode> comparisons = assertQuintilesAsComputedHere(api("demo-partner"), "demo-service-contacts", List.of("need", "sex"), false);
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.at("/observation/disclosure/status").asString()).isEqualTo("SUPPRESSED");
            assertThat(c.get("quintile").isNull()).isTrue();
            assertThat(c.get("outcome").asString()).isEqualTo("NOT_COMPARED");
        });
        assertThat(comparisons).extracting(c -> c.get("outcome").asString()).contains("HIGHER", "SIMILAR", "LOWER");
    }

    /** Compares every ward of the region by QUINTILES and checks each against ranking the released values here. */
    private List<JsonNode> assertQuintilesAsComputedHere(Api caller, String indicator, List<String> breakdown, boolean lowerIsBetter) {
        JsonNode compare = caller.data("""
                query($indicator: ID!, $breakdown: [String!]) { compare(query: {indicator: $indicator,
                    areas: {within: "Z12000001", level: "ward"}, breakdown: $breakdown}, method: QUINTILES) {
                  outcome quintile benchmark { area { code } }
                  observation { area { code } period { code } characteristics { code } value disclosure { status } } } }""",
                Map.of("indicator", indicator, "breakdown", breakdown)).get("compare");
        Map<String, List<Double>> released = new HashMap<>();
        List<JsonNode> comparisons = new ArrayList<>();
        for (JsonNode c : compare) {
            comparisons.add(c);
            if (!c.at("/observation/value").isNull()) {
                released.computeIfAbsent(group(c), g -> new ArrayList<>()).add(c.at("/observation/value").asDouble());
            }
        }
        assertThat(comparisons).hasSize(100 * (breakdown.size() == 1 ? 2 : 12));
        for (JsonNode c : comparisons) {
            assertThat(c.at("/benchmark/area/code").asString()).isEqualTo("Z92000001");
            JsonNode value = c.at("/observation/value");
            if (value.isNull()) {
                assertThat(c.get("quintile").isNull()).isTrue();
                assertThat(c.get("outcome").asString()).isEqualTo("NOT_COMPARED");
                continue;
            }
            List<Double> values = released.get(group(c));
            double v = value.asDouble();
            long better = values.stream().filter(x -> lowerIsBetter ? x < v : x > v).count();
            int quintile = (int) Math.ceil(5.0 * (better + 1) / values.size());
            String outcome = quintile == 1 ? (lowerIsBetter ? "BETTER" : "HIGHER")
                    : quintile == 5 ? (lowerIsBetter ? "WORSE" : "LOWER") : "SIMILAR";
            assertThat(c.get("quintile").asInt()).as("quintile of %s", c.at("/observation")).isEqualTo(quintile);
            assertThat(c.get("outcome").asString()).isEqualTo(outcome);
        }
        return comparisons;
    }

    private static String group(JsonNode comparison) {
        StringBuilder group = new StringBuilder(comparison.at("/observation/period/code").asString());
        comparison.at("/observation/characteristics").forEach(c -> group.append('|').append(c.get("code").asString()));
        return group.toString();
    }

    /** Byar's approximation (Breslow and Day 1987), as in the PHE technical guide. */
    private static double byarLower(long o, double z) {
        return o * Math.pow(1 - 1.0 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
    }

    private static double byarUpper(long o, double z) {
        return (o + 1) * Math.pow(1 - 1.0 / (9 * (o + 1)) + z / (3 * Math.sqrt(o + 1)), 3);
    }
}
