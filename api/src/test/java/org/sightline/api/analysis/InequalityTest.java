package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Gaps between the extreme IMD deciles and the slope index of inequality, checked against an
 * independent computation from the values the same question's {@code observations} releases; and,
 * on a sensitive indicator as PUBLIC, shown to use the noisy values and to stop where a group is
 * withheld.
 */
class InequalityTest extends SightlineTest {

    private static final String OBSERVATIONS = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code } period { code } characteristics { type code } value count denominator lowerCI upperCI
              disclosure { status } } } } }""";

    private static final String INEQUALITY = """
            query($q: ObservationQuery!, $by: String!) { inequality(query: $q, by: $by) {
              area { code } period { code } characteristics { type code } by
              groups { characteristics { type code } value count denominator lowerCI upperCI disclosure { status } }
              absoluteGap relativeGap sii { value lowerCI upperCI level simulations } note } }""";

    private static final List<String> DECILES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    @Test
    void gapsAndSlopeIndexOfAnOpenRateAreThoseOfTheReleasedDecileValues() {
        Map<String, Object> query = Map.of("indicator", DemoDataSet.ADMISSIONS_BY_DEPRIVATION,
                "areas", Map.of("codes", List.of("Z08000002")), "breakdown", List.of("imd_decile"));
        Map<String, JsonNode> observed = new HashMap<>();
        api().data(OBSERVATIONS, Map.of("q", query)).at("/observations/edges")
                .forEach(e -> observed.put(e.at("/node/characteristics/0/code").asString(), e.get("node")));
        assertThat(observed).hasSize(10);

        JsonNode rows = api().data(INEQUALITY, Map.of("q", query, "by", "imd_decile")).get("inequality");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.at("/area/code").asString()).isEqualTo("Z08000002");
        assertThat(row.at("/period/code").asString()).isEqualTo("2023");
        assertThat(row.get("characteristics")).isEmpty();
        assertThat(row.get("note").isNull()).isTrue();

        double[] values = new double[10];
        double[] lower = new double[10];
        double[] upper = new double[10];
        double[] populations = new double[10];
        for (int i = 0; i < 10; i++) {
            JsonNode group = row.at("/groups/" + i);
            assertThat(group.at("/characteristics/0/code").asString()).isEqualTo(DECILES.get(i));
            JsonNode released = observed.get(DECILES.get(i));
            for (String field : List.of("value", "count", "denominator", "lowerCI", "upperCI")) {
                assertThat(group.get(field)).as("decile %s %s", DECILES.get(i), field).isEqualTo(released.get(field));
            }
            values[i] = released.get("value").asDouble();
            lower[i] = released.get("lowerCI").asDouble();
            upper[i] = released.get("upperCI").asDouble();
            populations[i] = released.get("denominator").asDouble();
        }
        // Gaps read "last relative to first": least deprived (decile 10) against most deprived (decile 1).
        assertThat(row.get("absoluteGap").asDouble()).isCloseTo(values[9] - values[0], within(1e-9));
        assertThat(row.get("relativeGap").asDouble()).isCloseTo(values[9] / values[0], within(1e-12));

        double sii = row.at("/sii/value").asDouble();
        assertThat(sii).isCloseTo(weightedSlope(populations, values), within(1e-9));
        // The demo admissions fall with deprivation, and clearly so.
        assertThat(row.get("absoluteGap").asDouble()).isNegative();
        assertThat(row.at("/sii/upperCI").asDouble()).isNegative();
        assertThat(row.at("/sii/lowerCI").asDouble()).isLessThan(sii);
        assertThat(row.at("/sii/upperCI").asDouble()).isGreaterThan(sii);
        assertThat(row.at("/sii/level").asDouble()).isEqualTo(0.95);
        assertThat(row.at("/sii/simulations").asInt()).isEqualTo(100_000);
        // On the log scale each group's interval gives its standard error; for counts in the
        // thousands the simulated SII is close to normal, with sd = sqrt(sum c_i^2 (value_i se_i)^2).
        double halfWidth = (row.at("/sii/upperCI").asDouble() - row.at("/sii/lowerCI").asDouble()) / 2;
        assertThat(halfWidth).isCloseTo(1.959964 * slopeStandardError(populations, values, lower, upper), within(0.1 * halfWidth));

        JsonNode again = api().data(INEQUALITY, Map.of("q", query, "by", "imd_decile")).get("inequality");
        assertThat(again.at("/0/sii")).as("the simulation is seeded by the released values").isEqualTo(row.get("sii"));
    }

    @Test
    void otherBreakdownCharacteristicsGiveOneInequalityEach() {
        Map<String, Object> query = Map.of("indicator", DemoDataSet.ADMISSIONS_BY_DEPRIVATION,
                "areas", Map.of("within", DemoDataSet.REGION, "level", "lad"), "periods", Map.of("codes", List.of("2021", "2022")),
                "breakdown", List.of("sex"));
        JsonNode rows = api().data(INEQUALITY, Map.of("q", query, "by", "imd_decile")).get("inequality");

        assertThat(rows).hasSize(5 * 2 * 2);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("characteristics")).hasSize(1);
            assertThat(r.at("/characteristics/0/type").asString()).isEqualTo("sex");
            assertThat(r.get("groups")).hasSize(10);
            r.get("groups").forEach(g -> assertThat(g.at("/characteristics/0/code").asString())
                    .as("breakdown order: sex, then the added imd_decile").isEqualTo(r.at("/characteristics/0/code").asString()));
            assertThat(r.at("/sii/value").asDouble()).isNegative();
        });
    }

    @Test
    void asPublicOnASensitiveRateTheDecileGroupsAreRefusedBecauseTheyAreLsoaCells() {
        // An IMD decile is a function of the LSOA, so a district or ward split by decile is a table
        // of LSOA cells, finer than the public may see of a SENSITIVE indicator (issue 9, attack 2):
        // refused before anything is read, the same way through observations and inequality.
        for (Map<String, Object> areas : List.of(Map.<String, Object>of("within", DemoDataSet.REGION, "level", "lad"),
                Map.<String, Object>of("within", "Z08000002", "level", "ward"))) {
            Map<String, Object> query = Map.of("indicator", DemoDataSet.CARE_HOME_ADMISSIONS, "areas", areas,
                    "breakdown", List.of("imd_decile"));
            JsonNode observations = api().graphql(OBSERVATIONS, Map.of("q", query));
            JsonNode inequality = api().graphql(INEQUALITY, Map.of("q", query, "by", "imd_decile"));
            for (JsonNode refused : List.of(observations, inequality)) {
                assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
                assertThat(refused.at("/errors/0/message").asString()).contains("imd_decile");
            }
        }
    }

    @Test
    void characteristicsWithoutAnOrderAndFiltersOnTheGroupsAreRefused() {
        JsonNode unordered = api().graphql(INEQUALITY, Map.of("by", "need", "q", Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("codes", List.of("Z08000001")))));
        assertThat(unordered.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(unordered.at("/errors/0/message").asString()).contains("'need'").contains("has no order")
                .contains("it has no ordered characteristic type");
        assertThat(unordered.at("/data/inequality").isMissingNode() || unordered.at("/data/inequality").isNull())
                .as("no answer beside the error").isTrue();

        JsonNode bySex = api().graphql(INEQUALITY, Map.of("by", "sex", "q", Map.of("indicator", DemoDataSet.ADMISSIONS_BY_DEPRIVATION,
                "areas", Map.of("codes", List.of("Z08000001")))));
        assertThat(bySex.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(bySex.at("/errors/0/message").asString()).contains("'sex'").contains("its ordered types: [imd_decile]");

        JsonNode notItsType = api().graphql(INEQUALITY, Map.of("by", "age_band", "q", Map.of("indicator", DemoDataSet.CARE_HOME_ADMISSIONS,
                "areas", Map.of("codes", List.of("Z08000001")))));
        assertThat(notItsType.at("/errors/0/message").asString()).contains("not broken down by 'age_band'");

        JsonNode filtered = api().graphql(INEQUALITY, Map.of("by", "imd_decile", "q", Map.of("indicator", DemoDataSet.ADMISSIONS_BY_DEPRIVATION,
                "areas", Map.of("codes", List.of("Z08000001")), "filter", List.of(Map.of("type", "imd_decile", "values", List.of("1", "10"))))));
        assertThat(filtered.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(filtered.at("/errors/0/message").asString()).contains("remove the filter on imd_decile");
    }

    @Test
    void countsAreGroupedButNotMeasured() {
        JsonNode rows = api().data(INEQUALITY, Map.of("by", "age_band", "q", Map.of("indicator", DemoDataSet.POPULATION,
                "areas", Map.of("codes", List.of("Z08000001"))))).get("inequality");

        assertThat(rows).hasSize(1);
        assertThat(rows.at("/0/groups")).hasSize(6);
        assertThat(rows.at("/0/groups/5/characteristics/0/code").asString()).isEqualTo("75+");
        assertThat(rows.at("/0/absoluteGap").isNull()).isTrue();
        assertThat(rows.at("/0/sii").isNull()).isTrue();
        assertThat(rows.at("/0/note").asString()).contains("is a count (ADDITIVE_COUNT)");
    }

    /** Population-weighted least-squares slope of value on the groups' cumulative population midpoints. */
    private static double weightedSlope(double[] populations, double[] values) {
        double[] shares = shares(populations);
        double[] ranks = ranks(shares);
        double meanRank = 0;
        double meanValue = 0;
        for (int i = 0; i < shares.length; i++) {
            meanRank += shares[i] * ranks[i];
            meanValue += shares[i] * values[i];
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < shares.length; i++) {
            covariance += shares[i] * (ranks[i] - meanRank) * (values[i] - meanValue);
            variance += shares[i] * (ranks[i] - meanRank) * (ranks[i] - meanRank);
        }
        return covariance / variance;
    }

    /** Delta-method standard error of the slope from the groups' log-scale standard errors. */
    private static double slopeStandardError(double[] populations, double[] values, double[] lower, double[] upper) {
        double[] shares = shares(populations);
        double[] ranks = ranks(shares);
        double meanRank = 0;
        for (int i = 0; i < shares.length; i++) {
            meanRank += shares[i] * ranks[i];
        }
        double variance = 0;
        for (int i = 0; i < shares.length; i++) {
            variance += shares[i] * (ranks[i] - meanRank) * (ranks[i] - meanRank);
        }
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            double coefficient = shares[i] * (ranks[i] - meanRank) / variance;
            double standardError = values[i] * (Math.log(upper[i]) - Math.log(lower[i])) / (2 * 1.959964);
            sum += coefficient * coefficient * standardError * standardError;
        }
        return Math.sqrt(sum);
    }

    private static double[] shares(double[] populations) {
        double total = 0;
        for (double population : populations) {
            total += population;
        }
        double[] shares = new double[populations.length];
        for (int i = 0; i < populations.length; i++) {
            shares[i] = populations[i] / total;
        }
        return shares;
    }

    private static double[] ranks(double[] shares) {
        double[] ranks = new double[shares.length];
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            ranks[i] = cumulative + shares[i] / 2;
            cumulative += shares[i];
        }
        return ranks;
    }
}
