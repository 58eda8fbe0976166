package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/**
 * Every district of the demo region against the country on the demo admissions rate (lower is
 * better), checked against Byar's intervals and the Fingertips overlap rule computed here from the
 * published counts and denominators.
 */
class CompareTest extends SightlineTest {

    @Test
    void districtsAreClassifiedAsAnIndependentCiOverlapComputationSays() {
        for (String method : new String[] {"CI_OVERLAP_95", "CI_OVERLAP_99_8"}) {
            double z = method.equals("CI_OVERLAP_95") ? 1.959964 : 3.090232;
            JsonNode comparisons = api().data("""
                    query($method: ComparisonMethod) { compare(query: {indicator: "demo-emergency-admissions",
                        areas: {within: "Z12000001", level: "lad"}, periods: {codes: ["2022"]}}, method: $method) {
                      outcome observation { area { code } count denominator value lowerCI upperCI ciMethod }
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
                }
            }
            System.out.println("compare " + method + ": " + outcomes);
        }
    }

    /** Byar's approximation (Breslow and Day 1987), as in the PHE technical guide. */
    private static double byarLower(long o, double z) {
        return o * Math.pow(1 - 1.0 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
    }

    private static double byarUpper(long o, double z) {
        return (o + 1) * Math.pow(1 - 1.0 / (9 * (o + 1)) + z / (3 * Math.sqrt(o + 1)), 3);
    }
}
