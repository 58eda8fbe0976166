package org.sightline.api.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Completeness is derived from what the public may see, and the gaps log is written only by those
 * allowed to: each refused mutation changes nothing.
 */
class CompletenessAndGapsTest extends SightlineTest {

    private static final String INDICATOR = "completeness-test-contacts";
    private static final String TYPE = "completeness_test_ethnicity";

    @Test
    void theShareUnknownIsTheShareOfThePublicsProtectedCountryTotals() {
        assertThat(admin().postJson("/api/v1/characteristic-types", Map.of("code", TYPE, "name", "Ethnic group (test)", "values",
                List.of(Map.of("code", "A", "label", "Asian"), Map.of("code", "W", "label", "White"),
                        Map.of("code", "not_stated", "label", "Not stated")))).status()).isIn(200, 201);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", INDICATOR, "title", "Completeness test contacts",
                "definition", "test", "unit", "people", "measureType", "ADDITIVE_COUNT", "multiplier", 1,
                "polarity", "NO_JUDGEMENT", "disclosureClass", "SENSITIVE", "source", "test", "licence", "OGL"));
        body.put("characteristicTypes", List.of(TYPE));
        assertThat(admin().postJson("/api/v1/indicators", body).status()).isIn(200, 201);
        // Not stated is rare in the first year and common in the second.
        StringBuilder csv = new StringBuilder("area_code,period," + TYPE + ",count\n");
        SplittableRandom random = new SplittableRandom(11);
        for (int lsoa = 1; lsoa <= 600; lsoa++) {
            String code = String.format("Z01%06d", lsoa);
            for (String period : List.of("2022", "2023")) {
                csv.append(code).append(',').append(period).append(",A,").append(random.nextInt(8)).append('\n');
                csv.append(code).append(',').append(period).append(",W,").append(random.nextInt(30)).append('\n');
                csv.append(code).append(',').append(period).append(",not_stated,")
                        .append(random.nextInt(period.equals("2022") ? 2 : 12)).append('\n');
            }
        }
        assertThat(admin().post("/api/v1/indicators/" + INDICATOR + "/releases", csv.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv").status()).isIn(200, 201);

        // What the public sees: the protected country totals by ethnic group, per period.
        JsonNode country = api().data("query($i: ID!, $t: String!) { observations(query: {indicator: $i, areas: {level: \"country\"}, "
                + "periods: {codes: [\"2022\", \"2023\"]}, breakdown: [$t]}) { edges { node { period { code } characteristics { code } "
                + "count disclosure { status } } } } }", Map.of("i", INDICATOR, "t", TYPE)).at("/observations/edges");
        double unknown = 0;
        double total = 0;
        Map<String, double[]> byPeriod = new LinkedHashMap<>();
        for (JsonNode edge : country) {
            JsonNode node = edge.get("node");
            assertThat(node.at("/disclosure/status").asString()).isEqualTo("NOISED");
            double count = node.get("count").asDouble();
            double[] sums = byPeriod.computeIfAbsent(node.at("/period/code").asString(), p -> new double[2]);
            sums[1] += count;
            total += count;
            if (node.at("/characteristics/0/code").asString().equals("not_stated")) {
                sums[0] += count;
                unknown += count;
            }
        }
        double worst = byPeriod.values().stream().mapToDouble(s -> 100 * s[0] / s[1]).max().orElseThrow();
        JsonNode rows = api().data("query($i: ID!) { completeness(indicator: $i) { characteristicType { code } release releaseVersion "
                + "periods { code } coverage unknownPercent unknownCount totalCount worstPeriod worstPeriodUnknownPercent note } }",
                Map.of("i", INDICATOR)).get("completeness");
        JsonNode ethnicity = null;
        JsonNode sex = null;
        for (JsonNode row : rows) {
            switch (row.at("/characteristicType/code").asString()) {
                case TYPE -> ethnicity = row;
                case "sex" -> sex = row;
                default -> { }
            }
        }
        assertThat(ethnicity).isNotNull();
        assertThat(ethnicity.get("unknownPercent").asDouble()).isCloseTo(100 * unknown / total, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ethnicity.get("totalCount").asDouble()).isEqualTo(total);
        assertThat(ethnicity.get("worstPeriod").asString()).isEqualTo("2023");
        assertThat(ethnicity.get("worstPeriodUnknownPercent").asDouble()).isCloseTo(worst, org.assertj.core.data.Offset.offset(1e-9));
        String expectedCoverage = unknown == total ? "NOT_RECORDED" : worst > 5 || 100 * unknown / total > 5 ? "PARTLY" : "RECORDED";
        assertThat(ethnicity.get("coverage").asString()).isEqualTo(expectedCoverage).isEqualTo("PARTLY");
        assertThat(sex.get("coverage").asString()).as("the indicator is not broken down by sex").isEqualTo("NOT_RECORDED");
        assertThat(sex.get("unknownPercent").isNull()).isTrue();

        // On the demo data: every demo indicator's own types are recorded with no value meaning unknown.
        JsonNode population = api().data("{ completeness(indicator: \"demo-population\") { characteristicType { code } coverage unknownPercent } }",
                Map.of()).get("completeness");
        population.forEach(row -> {
            String code = row.at("/characteristicType/code").asString();
            if (code.equals("sex") || code.equals("age_band")) {
                assertThat(row.get("coverage").asString()).isEqualTo("RECORDED");
                assertThat(row.get("unknownPercent").asDouble()).isZero();
            }
        });
    }

    @Test
    void everyDemoReleaseBrokenDownByACharacteristicHasItsCompletenessWorkedOut() {
        // Including those whose breakdown the public may not ask for (an area-derived IMD decile of
        // a SENSITIVE indicator): a refused public question says why, it does not lose the release's rows.
        JsonNode indicators = api().data("{ indicators(first: 100) { edges { node { id characteristicTypes { code } } } } }", Map.of());
        int checked = 0;
        for (JsonNode edge : indicators.at("/indicators/edges")) {
            String id = edge.at("/node/id").asString();
            if (!id.startsWith("demo-") || edge.at("/node/characteristicTypes").isEmpty()) {
                continue;
            }
            List<String> own = new java.util.ArrayList<>();
            edge.at("/node/characteristicTypes").forEach(t -> own.add(t.get("code").asString()));
            JsonNode rows = api().data("query($id: ID!) { completeness(indicator: $id) { characteristicType { code } note } }",
                    Map.of("id", id)).get("completeness");
            for (JsonNode row : rows) {
                if (own.contains(row.at("/characteristicType/code").asString())) {
                    assertThat(row.get("note").isNull() ? "" : row.get("note").asString()).as(id).doesNotContain("not computed");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    @Test
    void gapsAreRaisedReadAndClosedOnlyByThoseAllowed() {
        String raise = "mutation($i: ID, $d: String!) { raiseGap(input: {indicator: $i, characteristicType: \"sex\", areaType: \"ward\", "
                + "description: $d}) { gap { id status raisedByOrganisation indicator { id } characteristicType { code } areaType { code } } } }";
        String log = "query($i: ID) { gaps(indicator: $i) { id status description closedBy closedAt resolution } }";
        Map<String, Object> aboutAdmissions = new LinkedHashMap<>();
        aboutAdmissions.put("i", "demo-emergency-admissions");
        aboutAdmissions.put("d", "Admissions are not published by ward");

        String before = api().data(log, Map.of()).toString();
        JsonNode refused = api().graphql(raise, aboutAdmissions);
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(api().data(log, Map.of()).toString()).as("the public raises nothing").isEqualTo(before);

        JsonNode gap = api("demo-partner").data(raise, aboutAdmissions).at("/raiseGap/gap");
        assertThat(gap.get("status").asString()).isEqualTo("OPEN");
        assertThat(gap.get("raisedByOrganisation").asString()).isEqualTo("demo-wessex-police");
        assertThat(gap.at("/indicator/id").asString()).isEqualTo("demo-emergency-admissions");
        String id = gap.get("id").asString();
        JsonNode listed = api().data(log, Map.of("i", "demo-emergency-admissions")).get("gaps");
        assertThat(listed.findValuesAsString("id")).contains(id);

        String close = "mutation($id: ID!) { closeGap(input: {id: $id, resolution: \"Ward figures added to the 2024 release\"}) "
                + "{ gap { id status closedBy resolution } } }";
        // The ICB owns demo-emergency-admissions: the council's steward does not answer for it.
        for (Api caller : List.of(api(), api("demo-partner"), api("demo-analyst"), api("demo-steward"))) {
            String unchanged = api().data(log, Map.of("i", "demo-emergency-admissions")).toString();
            JsonNode response = caller.graphql(close, Map.of("id", id));
            assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(api().data(log, Map.of("i", "demo-emergency-admissions")).toString()).isEqualTo(unchanged);
        }
        JsonNode closed = admin().data(close, Map.of("id", id)).at("/closeGap/gap");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolution").asString()).isEqualTo("Ward figures added to the 2024 release");
        assertThat(admin().graphql(close, Map.of("id", id)).at("/errors/0/extensions/classification").asString())
                .as("closed once").isEqualTo("BAD_REQUEST");

        // The owning organisation's steward closes gaps about its own indicator.
        Map<String, Object> aboutContacts = new LinkedHashMap<>();
        aboutContacts.put("i", "demo-service-contacts");
        aboutContacts.put("d", "Contacts are not recorded by sex for carers");
        String own = api("demo-analyst").data(raise, aboutContacts).at("/raiseGap/gap/id").asString();
        assertThat(api("demo-steward").data(close, Map.of("id", own)).at("/closeGap/gap/status").asString()).isEqualTo("CLOSED");
        // The demo data set's own entries are there for everyone to read.
        assertThat(api().data(log, Map.of("i", "demo-service-contacts")).get("gaps").size()).isGreaterThanOrEqualTo(2);
    }
}
