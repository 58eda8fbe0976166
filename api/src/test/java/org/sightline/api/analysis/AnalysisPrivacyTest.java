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
        for (Api caller : List.of(api(), api("demo-partner"))) {
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
            assertThat(sawUnranked).as("some cells are withheld, and they are not ranked").isTrue();
        }
    }

    private static String key(JsonNode observation) {
        return observation.at("/area/code").asString() + "/" + observation.at("/characteristics/0/code").asString() + "/"
                + observation.at("/characteristics/1/code").asString();
    }
}
