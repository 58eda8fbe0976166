package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/** Time series with change and the recent-trend marker, built from released values only. */
class TrendTest extends SightlineTest {

    @Test
    void aSteadilyGrowingPopulationIsIncreasingAndTheChangeIsLastMinusFirst() {
        JsonNode trends = api().data("""
                { trend(query: {indicator: "demo-population", areas: {codes: ["Z12000001", "Z08000002"]}}) {
                    area { code } change classification points { period { code } value } } }""", Map.of()).get("trend");
        assertThat(trends).hasSize(2);
        for (JsonNode trend : trends) {
            assertThat(trend.get("points")).hasSize(5);
            assertThat(trend.at("/points/0/period/code").asString()).isEqualTo("2019");
            assertThat(trend.at("/points/4/period/code").asString()).isEqualTo("2023");
            assertThat(trend.get("change").asDouble())
                    .isEqualTo(trend.at("/points/4/value").asDouble() - trend.at("/points/0/value").asDouble()).isPositive();
            assertThat(trend.get("classification").asString()).isEqualTo("increasing");
        }
    }

    @Test
    void aRateWithPolarityIsDescribedAsGettingBetterOrWorseAndShortSeriesAreNotClassified() {
        JsonNode rate = api().data("""
                { trend(query: {indicator: "demo-emergency-admissions", areas: {within: "Z12000001", level: "lad"}}) {
                    classification } }""", Map.of()).get("trend");
        assertThat(rate).hasSize(5).allSatisfy(t -> assertThat(t.get("classification").asString())
                .isIn("no significant change", "increasing and getting worse", "decreasing and getting better"));

        Map<String, String> observed = new HashMap<>();
        api().data("""
                { observations(query: {indicator: "demo-service-contacts", areas: {within: "Z08000003", level: "ward"},
                    periods: {from: "2021/22"}}, first: 1000) { edges { node { area { code } period { code } count } } } }""", Map.of())
                .at("/observations/edges").forEach(e -> observed.put(e.at("/node/area/code").asString() + e.at("/node/period/code").asString(),
                        e.at("/node/count").toString()));
        JsonNode sensitive = api().data("""
                { trend(query: {indicator: "demo-service-contacts", areas: {within: "Z08000003", level: "ward"}}) {
                    area { code } classification points { period { code } count disclosure { status } } } }""", Map.of()).get("trend");
        assertThat(sensitive).hasSize(20).allSatisfy(t -> {
            assertThat(t.get("classification").asString()).startsWith("cannot be calculated");
            t.get("points").forEach(p -> {
                assertThat(p.at("/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED");
                assertThat(p.get("count").toString()).isEqualTo(observed.get(t.at("/area/code").asString() + p.at("/period/code").asString()));
            });
        });
    }
}
