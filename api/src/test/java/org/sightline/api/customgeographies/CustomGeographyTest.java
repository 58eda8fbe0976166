package org.sightline.api.customgeographies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Custom geographies: a user defines a named set of standard areas and every query accepts it
 * like any area, with values rolled up from the base cells; bad definitions are refused whole.
 */
class CustomGeographyTest extends SightlineTest {

    static final String DEFINE = """
            mutation($input: CustomGeographyInput!) { defineCustomGeography(input: $input) {
              id name description owner memberType { code } area { code type { code } } members { code } } }""";
    private static final String BY_SEX = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code type { code } } characteristics { code } count denominator value } } } }""";

    @Test
    void aCustomAreaIsRolledUpFromItsMembersBaseCellsWhereverAnAreaIsAccepted() {
        List<String> wards = wardsOf(api(), "Z08000001").subList(0, 3);
        JsonNode defined = api("demo-steward").data(DEFINE, Map.of("input", Map.of("name", "North neighbourhood team",
                "description", "Three wards around the hospital", "members", wards))).get("defineCustomGeography");
        String id = defined.get("id").asString();
        assertThat(id).startsWith("custom-");
        assertThat(defined.at("/area/code").asString()).isEqualTo(id);
        assertThat(defined.at("/area/type/code").asString()).isEqualTo("custom");
        assertThat(defined.at("/memberType/code").asString()).isEqualTo("ward");
        assertThat(defined.get("owner").asString()).isNotBlank();
        List<String> members = new ArrayList<>();
        defined.get("members").forEach(m -> members.add(m.get("code").asString()));
        assertThat(members).containsExactlyElementsOf(new TreeSet<>(wards));

        // The population by sex of the custom area equals the sum over its wards, for PUBLIC (OPEN data).
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode e : api().data(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.POPULATION,
                "areas", Map.of("codes", wards), "breakdown", List.of("sex")))).at("/observations/edges")) {
            expected.merge(e.at("/node/characteristics/0/code").asString(), e.at("/node/count").asLong(), Long::sum);
        }
        for (Map<String, Object> selector : List.of(Map.<String, Object>of("customGeography", id), Map.<String, Object>of("codes", List.of(id)))) {
            JsonNode edges = api().data(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.POPULATION, "areas", selector,
                    "breakdown", List.of("sex")))).at("/observations/edges");
            Map<String, Long> actual = new HashMap<>();
            edges.forEach(e -> {
                assertThat(e.at("/node/area/code").asString()).isEqualTo(id);
                actual.put(e.at("/node/characteristics/0/code").asString(), e.at("/node/count").asLong());
            });
            assertThat(actual).isEqualTo(expected).hasSize(2);
        }

        // within + level: the LSOAs inside the custom area are the LSOAs of its wards.
        TreeSet<String> lsoasOfWards = new TreeSet<>();
        for (String ward : wards) {
            api().data("query($c: String!) { area(code: $c) { children(type: \"lsoa\") { code } } }", Map.of("c", ward))
                    .at("/area/children").forEach(c -> lsoasOfWards.add(c.get("code").asString()));
        }
        TreeSet<String> lsoasOfCustom = new TreeSet<>();
        api().data(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.POPULATION, "areas", Map.of("within", id, "level", "lsoa"))))
                .at("/observations/edges").forEach(e -> lsoasOfCustom.add(e.at("/node/area/code").asString()));
        assertThat(lsoasOfCustom).isNotEmpty().isEqualTo(lsoasOfWards);

        // A benchmark: the wards compared with their own custom area, whose rate is computed from summed cells.
        JsonNode comparisons = api().data("""
                query($q: ObservationQuery!, $b: String) { compare(query: $q, benchmark: $b) {
                  outcome benchmark { area { code } count denominator value } } }""",
                Map.of("q", Map.of("indicator", DemoDataSet.ADMISSIONS_RATE, "areas", Map.of("codes", wards)), "b", id)).get("compare");
        assertThat(comparisons).hasSize(3);
        JsonNode benchmark = comparisons.get(0).get("benchmark");
        assertThat(benchmark.at("/area/code").asString()).isEqualTo(id);
        assertThat(benchmark.get("value").asDouble())
                .isCloseTo(1000.0 * benchmark.get("count").asDouble() / benchmark.get("denominator").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9));

        // A trend over every period for the custom area.
        JsonNode trend = api().data("""
                query($q: ObservationQuery!) { trend(query: $q) { area { code } points { period { code } } } }""",
                Map.of("q", Map.of("indicator", DemoDataSet.POPULATION, "areas", Map.of("customGeography", id)))).get("trend");
        assertThat(trend).hasSize(1);
        assertThat(trend.at("/0/area/code").asString()).isEqualTo(id);
        assertThat(trend.at("/0/points").size()).isEqualTo(5);

        // And it can be looked up again.
        JsonNode again = api().data("query($id: ID!) { customGeography(id: $id) { name members { code } } }", Map.of("id", id))
                .get("customGeography");
        assertThat(again.get("name").asString()).isEqualTo("North neighbourhood team");
        assertThat(again.get("members")).hasSize(3);
    }

    @Test
    void aBadDefinitionIsRefusedWithItsReasonAndStoresNothing() {
        String count = "{ areas(type: \"custom\") { totalCount } }";
        int before = api().data(count, Map.of()).at("/areas/totalCount").asInt();
        String ward = wardsOf(api(), "Z08000002").get(0);
        String lsoaOfWard = api().data("query($c: String!) { area(code: $c) { children(type: \"lsoa\") { code } } }", Map.of("c", ward))
                .at("/area/children/0/code").asString();

        JsonNode unknown = api("demo-partner").graphql(DEFINE, Map.of("input", Map.of("name", "Typo", "members", List.of(ward, "Z05999999"))));
        assertThat(unknown.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(unknown.at("/errors/0/message").asString()).contains("Z05999999").doesNotContain(ward);

        JsonNode overlapping = api("demo-partner").graphql(DEFINE, Map.of("input", Map.of("name", "Twice", "members", List.of(ward, lsoaOfWard))));
        assertThat(overlapping.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(overlapping.at("/errors/0/message").asString()).contains("overlap").contains(ward).contains(lsoaOfWard);

        JsonNode anonymous = api().graphql(DEFINE, Map.of("input", Map.of("name", "Mine", "members", List.of(ward))));
        assertThat(anonymous.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");

        JsonNode blank = api("demo-partner").graphql(DEFINE, Map.of("input", Map.of("name", " ", "members", List.of(ward))));
        assertThat(blank.at("/errors/0/message").asString()).startsWith("name:");

        assertThat(api().data(count, Map.of()).at("/areas/totalCount").asInt()).isEqualTo(before);

        JsonNode missing = api().graphql(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.POPULATION,
                "areas", Map.of("customGeography", "custom-999999"))));
        assertThat(missing.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anAnalystGetsACustomAreaOfWardsExactlyButNotOneOfLsoasBelowTheirExactLevel() {
        Api analyst = api("demo-analyst");
        List<String> wards = wardsOf(api(), "Z08000003").subList(0, 2);
        String ofWards = analyst.data(DEFINE, Map.of("input", Map.of("name", "Two wards", "members", wards)))
                .at("/defineCustomGeography/id").asString();
        String lsoa = api().data("query($c: String!) { area(code: $c) { children(type: \"lsoa\") { code } } }", Map.of("c", wards.get(0)))
                .at("/area/children/0/code").asString();
        String ofLsoas = analyst.data(DEFINE, Map.of("input", Map.of("name", "One LSOA and a ward", "members", List.of(lsoa, wards.get(1)))))
                .at("/defineCustomGeography/id").asString();

        // SENSITIVE: the analyst's agreement gives exact values down to wards, suppression below.
        long sumOfWards = 0;
        for (JsonNode e : analyst.data(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", Map.of("codes", wards))))
                .at("/observations/edges")) {
            sumOfWards += e.at("/node/count").asLong();
        }
        JsonNode exact = analyst.data("query($q: ObservationQuery!) { observations(query: $q) { edges { node { count disclosure { status } } } } }",
                Map.of("q", Map.of("indicator", DemoDataSet.SERVICE_CONTACTS, "areas", Map.of("customGeography", ofWards))));
        assertThat(exact.at("/observations/edges/0/node/disclosure/status").asString()).isEqualTo("EXACT");
        assertThat(exact.at("/observations/edges/0/node/count").asLong()).isEqualTo(sumOfWards);

        JsonNode refused = analyst.graphql(BY_SEX, Map.of("q", Map.of("indicator", DemoDataSet.SERVICE_CONTACTS,
                "areas", Map.of("customGeography", ofLsoas))));
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString()).contains("suppression");
    }

    static List<String> wardsOf(Api api, String district) {
        List<String> wards = new ArrayList<>();
        api.data("query($c: String!) { area(code: $c) { children(type: \"ward\") { code } } }", Map.of("c", district))
                .at("/area/children").forEach(c -> wards.add(c.get("code").asString()));
        return wards;
    }
}
