package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/** Analyses never reveal a value the same question's observations would not reveal to the same caller. */
class AnalysisPrivacyTest extends SightlineTest {

    private static final Map<String, Object> WARDS_BY_SEX = Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
            "areas", Map.of("within", "Z08000002", "level", "ward"), "breakdown", List.of("need", "sex"));

    @Test
    void rankingsShowThePublishedValuesAndNeverRankAWithheldOne() {
        List<Api> callers = List.of(api(), api("demo-partner"));
        for (Api caller : callers) {
            Map<String, String> observed = new HashMap<>();
            caller.data("""
                    query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
                      area { code } characteristics { code } count disclosure { status } } } } }""", Map.of("q", WARDS_BY_SEX))
                    .at("/observations/edges").forEach(e -> observed.put(key(e.get("node")), e.at("/node/count").toString()));
            JsonNode ranking = caller.data("""
                    query($q: ObservationQuery!) { rank(query: $q) { rank quintile observation {
                      area { code } characteristics { code } count disclosure { status } } } }""", Map.of("q", WARDS_BY_SEX)).get("rank");
            assertThat(ranking).hasSize(observed.size());
            boolean sawUnranked = false;
            for (JsonNode r : ranking) {
                assertThat(r.at("/observation/count").toString()).isEqualTo(observed.get(key(r.get("observation"))));
                if (r.at("/observation/count").isNull()) {
                    assertThat(r.get("rank").isNull()).isTrue();
                    assertThat(r.get("quintile").isNull()).isTrue();
                    sawUnranked = true;
                }
            }
            boolean partner = caller != callers.get(0);
            if (partner) {
                // Suppression withholds small cells whatever the noise secret; under noise, whether a
                // noisy value falls below the threshold depends on this database's secret.
                assertThat(sawUnranked).as("some cells are withheld, and they are not ranked").isTrue();
            }
        }
    }

    @Test
    void overlaysPairTheReleasedValuesAndCorrelateOnlyCompletePairs() {
        Map<String, Object> wards = Map.of("within", DemoDataSet.REGION, "level", "ward");
        JsonNode mismatched = api().graphql("""
                query($areas: AreaSelector!) { overlay(x: "demo-service-contacts", y: "demo-emergency-admissions", areas: $areas) {
                    correlation } }""", Map.of("areas", wards));
        assertThat(mismatched.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(mismatched.at("/errors/0/message").asString()).contains("latest periods differ");

        JsonNode same = api().data("""
                query($areas: AreaSelector!) { overlay(x: "demo-population", y: "demo-emergency-admissions", areas: $areas, period: "2022") {
                    correlation completePairs pairs { area { code } x { value } y { value } } } }""", Map.of("areas", wards)).get("overlay");
        assertThat(same.get("completePairs").asInt()).isEqualTo(100);
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = same.at("/pairs/" + i + "/x/value").asDouble();
            y[i] = same.at("/pairs/" + i + "/y/value").asDouble();
        }
        assertThat(same.get("correlation").asDouble()).isCloseTo(pearson(x, y), org.assertj.core.api.Assertions.within(1e-9));

        Map<String, String> noisy = new HashMap<>();
        api().data("""
                { observations(query: {indicator: "demo-service-contacts", areas: {within: "Z12000001", level: "ward"}, periods: {codes: ["2023/24"]}}, first: 1000) {
                    edges { node { area { code } value } } } }""", Map.of())
                .at("/observations/edges").forEach(e -> noisy.put(e.at("/node/area/code").asString(), e.at("/node/value").toString()));
        JsonNode sensitive = api().graphql("""
                query($areas: AreaSelector!) { overlay(x: "demo-service-contacts", y: "demo-population", areas: $areas, period: "2023/24") {
                    pairs { area { code } x { value disclosure { status } } } } }""", Map.of("areas", wards));
        // The population has no 2023/24 period: the answer says so (issue 11) instead of an empty list of pairs.
        assertThat(sensitive.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(sensitive.at("/errors/0/message").asString()).contains("'demo-population' has no data for period 2023/24");
        assertThat(sensitive.at("/data/overlay").isMissingNode() || sensitive.at("/data/overlay").isNull()).isTrue();
        assertThat(noisy).isNotEmpty();
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static String key(JsonNode observation) {
        return observation.at("/area/code").asString() + "/" + observation.at("/characteristics/0/code").asString() + "/"
                + observation.at("/characteristics/1/code").asString();
    }
}
