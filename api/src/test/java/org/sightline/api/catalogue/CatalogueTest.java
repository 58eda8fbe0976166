package org.sightline.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue as a user meets it: search gives exactly the indicators whose own metadata match,
 * availability is what the releases hold, a question where there is no data says so, refresh
 * turns overdue with the clock, and only those who answer for an indicator describe it.
 */
class CatalogueTest extends SightlineTest {

    private static final String ALL = """
            { indicators(first: 200) { edges { node { id title definition topics measureType
                characteristicTypes { code } availability { areaTypes { code } periods { code } } } } } }""";

    @Test
    void catalogueSearchGivesExactlyTheIndicatorsWhoseMetadataMatch() {
        List<JsonNode> all = new ArrayList<>();
        api().data(ALL, Map.of()).at("/indicators/edges").forEach(e -> all.add(e.get("node")));
        record Search(String search, String areaType, String characteristic) {
        }
        for (Search s : List.of(new Search("social care", null, null), new Search("DEPRIVATION", null, null),
                new Search(null, "ward", null), new Search(null, null, "sex"), new Search(null, "lsoa", "imd_decile"),
                new Search("admissions", "region", "sex"), new Search("health", "oa", null))) {
            Predicate<JsonNode> matches = node -> {
                if (s.search() != null) {
                    String text = s.search().toLowerCase(Locale.ROOT);
                    boolean topic = false;
                    for (JsonNode t : node.get("topics")) {
                        topic |= t.asString().contains(text);
                    }
                    if (!topic && !node.get("title").asString().toLowerCase(Locale.ROOT).contains(text)
                            && !node.get("definition").asString().toLowerCase(Locale.ROOT).contains(text)
                            && !node.get("id").asString().contains(text)) {
                        return false;
                    }
                }
                if (s.characteristic() != null && !codes(node.get("characteristicTypes")).contains(s.characteristic())) {
                    return false;
                }
                return s.areaType() == null || codes(node.at("/availability/areaTypes")).contains(s.areaType());
            };
            Set<String> expected = new TreeSet<>(all.stream().filter(matches).map(n -> n.get("id").asString()).toList());
            Map<String, Object> variables = new HashMap<>();
            variables.put("search", s.search());
            variables.put("areaType", s.areaType());
            variables.put("characteristic", s.characteristic());
            JsonNode page = api().data("""
                    query($search: String, $areaType: String, $characteristic: String) {
                      catalogue(search: $search, areaType: $areaType, characteristic: $characteristic, first: 200) {
                        totalCount edges { node { id } } } }""", variables).get("catalogue");
            Set<String> found = new TreeSet<>();
            page.get("edges").forEach(e -> found.add(e.at("/node/id").asString()));
            assertThat(found).as("%s", s).isEqualTo(expected);
            assertThat(page.get("totalCount").asInt()).isEqualTo(expected.size());
        }
        // The searches are not vacuous on the demo data.
        assertThat(all.stream().filter(n -> codes(n.get("topics")).contains("social care")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void availabilityOfADemoIndicatorIsWhatItsReleaseHolds() throws Exception {
        DemoDataSet demo = new DemoDataSet();
        for (String indicator : List.of(DemoDataSet.POPULATION, DemoDataSet.WELLBEING_SCORE)) {
            // What the release file holds: its areas and periods.
            Set<String> areaCodes = new LinkedHashSet<>();
            Set<String> periods = new LinkedHashSet<>();
            try (var parser = CSVFormat.DEFAULT.builder().setHeader().build()
                    .parse(new java.io.StringReader(new String(demo.releaseCsv(indicator), StandardCharsets.UTF_8)))) {
                for (CSVRecord row : parser) {
                    areaCodes.add(row.get("area_code"));
                    periods.add(row.get("period"));
                }
            }
            // The types of those areas and of every area they lie in, read through the API.
            List<String> types = new ArrayList<>();
            api().data("{ areaTypes { code } }", Map.of()).get("areaTypes").forEach(t -> types.add(t.get("code").asString()));
            types.remove("custom");
            Set<String> expectedTypes = new TreeSet<>();
            String fields = types.stream().map(t -> "t_" + t + ": parent(type: \"" + t + "\") { code }")
                    .reduce("", (a, b) -> a + " " + b);
            JsonNode areas = api().data("{ areas(type: \"lsoa\", within: \"" + DemoDataSet.COUNTRY + "\", first: 1000) { edges { node { code type { code } "
                    + fields + " } } } }", Map.of()).at("/areas/edges");
            int seen = 0;
            for (JsonNode edge : areas) {
                JsonNode area = edge.get("node");
                if (!areaCodes.contains(area.get("code").asString())) {
                    continue;
                }
                seen++;
                expectedTypes.add(area.at("/type/code").asString());
                for (String t : types) {
                    if (!area.get("t_" + t).isNull()) {
                        expectedTypes.add(t);
                    }
                }
            }
            assertThat(seen).as("every area of the release is a demo LSOA").isEqualTo(areaCodes.size());
            JsonNode availability = api().data("query($id: ID!) { indicator(id: $id) { measureType characteristicTypes { code } "
                    + "availability { areaTypes { code } periods { code } characteristicTypes { code } } } }", Map.of("id", indicator))
                    .get("indicator");
            if (availability.get("measureType").asString().equals("NON_ADDITIVE")) {
                expectedTypes = new TreeSet<>(Set.of("lsoa")); // a score exists only where it was supplied
            }
            assertThat(new TreeSet<>(codes(availability.at("/availability/areaTypes")))).as(indicator).isEqualTo(expectedTypes);
            assertThat(codes(availability.at("/availability/periods"))).containsExactlyElementsOf(periods);
            assertThat(codes(availability.at("/availability/characteristicTypes")))
                    .isEqualTo(codes(availability.get("characteristicTypes")));
        }
    }

    @Test
    void aQuestionWhereThereIsNoDataSaysWhereThereIs() {
        defineIndicator("catalogue-lad-only", "OPEN", List.of(), null);
        release("catalogue-lad-only", "area_code,period,count\nZ08000001,2023,10\nZ08000002,2023,20\nZ08000003,2023,30\n"
                + "Z08000004,2023,40\nZ08000005,2023,50\n");
        List<String> available = codes(api().data("{ indicator(id: \"catalogue-lad-only\") { availability { areaTypes { code } } } }",
                Map.of()).at("/indicator/availability/areaTypes"));
        assertThat(available).contains("lad", "region", "country").doesNotContain("ward", "lsoa");

        List<String> finestFirst = new ArrayList<>(available);
        java.util.Collections.reverse(finestFirst);
        String atWards = "{ %s(query: {indicator: \"catalogue-lad-only\", areas: {within: \"Z12000001\", level: \"ward\"}}) %s }";
        for (String[] field : List.of(new String[] {"observations", "{ totalCount }"}, new String[] {"rank", "{ rank }"},
                new String[] {"trend", "{ classification }"}, new String[] {"compare", "{ outcome }"})) {
            JsonNode refused = api().graphql(atWards.formatted(field[0], field[1]), Map.of());
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(field[0]).isEqualTo("NOT_FOUND");
            assertThat(refused.at("/errors/0/message").asString()).as(field[0])
                    .contains("exists at").contains("not at ward").contains(String.join(", ", finestFirst));
        }
        JsonNode byCode = api().graphql("{ observations(query: {indicator: \"catalogue-lad-only\", areas: {codes: [\"Z08000001\", \"Z05000001\"]}}) "
                + "{ totalCount } }", Map.of());
        assertThat(byCode.at("/errors/0/message").asString()).contains("not at Z05000001 (ward)");
        JsonNode period = api().graphql("{ observations(query: {indicator: \"catalogue-lad-only\", areas: {level: \"lad\"}, "
                + "periods: {codes: [\"2019\"]}}) { totalCount } }", Map.of());
        assertThat(period.at("/errors/0/extensions/classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(period.at("/errors/0/message").asString()).contains("no data for period 2019 (available: 2023)");
        // Where it exists, it answers as before: the districts, and the region as their sum.
        JsonNode districts = api().data("{ observations(query: {indicator: \"catalogue-lad-only\", areas: {level: \"lad\", within: \"Z12000001\"}}) "
                + "{ totalCount } r: observations(query: {indicator: \"catalogue-lad-only\", areas: {codes: [\"Z12000001\"]}}) "
                + "{ edges { node { count } } } }", Map.of());
        assertThat(districts.at("/observations/totalCount").asInt()).isEqualTo(5);
        assertThat(districts.at("/r/edges/0/node/count").asLong()).isEqualTo(150);
    }

    @Test
    void overdueTurnsTrueWhenTheClockPassesNextDue() {
        String question = "{ indicator(id: \"demo-population\") { periods { end } refresh { frequency publicationLag nextDue overdue lastRelease } } }";
        JsonNode indicator = api().data(question, Map.of()).get("indicator");
        LocalDate latestEnd = LocalDate.MIN;
        for (JsonNode p : indicator.get("periods")) {
            LocalDate end = LocalDate.parse(p.get("end").asString());
            latestEnd = end.isAfter(latestEnd) ? end : latestEnd;
        }
        JsonNode refresh = indicator.get("refresh");
        assertThat(refresh.get("frequency").asString()).isEqualTo("ANNUAL");
        LocalDate expected = latestEnd.plusDays(1).plusYears(1).minusDays(1).plus(java.time.Period.parse(refresh.get("publicationLag").asString()));
        assertThat(LocalDate.parse(refresh.get("nextDue").asString())).isEqualTo(expected);
        assertThat(refresh.get("lastRelease").isNull()).isFalse();
        ZoneId london = ZoneId.of("Europe/London");
        try {
            clock.set(expected.atTime(LocalTime.NOON).atZone(london).toInstant());
            assertThat(api().data(question, Map.of()).at("/indicator/refresh/overdue").asBoolean()).as("due today, not late").isFalse();
            clock.set(expected.plusDays(1).atTime(LocalTime.of(0, 30)).atZone(london).toInstant());
            assertThat(api().data(question, Map.of()).at("/indicator/refresh/overdue").asBoolean()).as("a day late").isTrue();
        } finally {
            clock.reset();
        }
    }

    @Test
    void onlyWhoAnswersForAnIndicatorDescribesIt() {
        Map<String, Object> description = Map.of("contact", "Catalogue test team, test@example.gov.uk", "topics", List.of("Testing"),
                "refresh", Map.of("frequency", "QUARTERLY", "publicationLag", "P2M"));
        defineIndicator("catalogue-described", "OPEN", List.of(), description);
        assertThat(postIndicator("catalogue-described", description).status()).as("an identical re-send is a no-op").isEqualTo(200);
        assertThat(postIndicator("catalogue-described", Map.of("contact", "someone else")).status()).isEqualTo(409);
        String read = "{ indicator(id: \"catalogue-described\") { owner { code } contact topics refresh { frequency publicationLag nextDue } } }";
        JsonNode before = api().data(read, Map.of());
        assertThat(before.at("/indicator/topics/0").asString()).isEqualTo("testing");
        assertThat(before.at("/indicator/refresh/frequency").asString()).isEqualTo("QUARTERLY");

        String mutation = "mutation($id: ID!) { describeIndicator(input: {indicator: $id, topics: [\"changed\"], "
                + "refresh: {frequency: MONTHLY, nextDue: \"2031-01-31\"}}) { indicator { topics refresh { frequency nextDue } } } }";
        // demo-emergency-admissions belongs to the ICB; demo-steward is the council's steward.
        for (var refused : List.of(Map.entry(api(), "catalogue-described"), Map.entry(api("demo-partner"), "catalogue-described"),
                Map.entry(api("demo-analyst"), "catalogue-described"), Map.entry(api("demo-steward"), "demo-emergency-admissions"))) {
            String before2 = api().data(read.replace("catalogue-described", refused.getValue()), Map.of()).toString();
            JsonNode response = refused.getKey().graphql(mutation, Map.of("id", refused.getValue()));
            assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(api().data(read.replace("catalogue-described", refused.getValue()), Map.of()).toString())
                    .as("nothing changed").isEqualTo(before2);
        }
        JsonNode changed = admin().data(mutation, Map.of("id", "catalogue-described")).at("/describeIndicator/indicator");
        assertThat(changed.at("/topics/0").asString()).isEqualTo("changed");
        assertThat(changed.at("/refresh/nextDue").asString()).isEqualTo("2031-01-31");
        assertThat(api().data(read, Map.of()).at("/indicator/contact").asString()).as("parts not given are kept")
                .isEqualTo("Catalogue test team, test@example.gov.uk");
    }

    static List<String> codes(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.isObject() ? n.get("code").asString() : n.asString()));
        return result;
    }

    private void defineIndicator(String id, String disclosureClass, List<String> types, Map<String, Object> description) {
        assertThat(postIndicator(id, description == null ? Map.of() : description, disclosureClass, types).status()).isIn(200, 201);
    }

    private Api.Response postIndicator(String id, Map<String, Object> description) {
        return postIndicator(id, description, "OPEN", List.of());
    }

    private Api.Response postIndicator(String id, Map<String, Object> description, String disclosureClass, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", id, "title", "Catalogue test " + id, "definition", "test",
                "unit", "people", "measureType", "ADDITIVE_COUNT", "multiplier", 1, "polarity", "NO_JUDGEMENT",
                "disclosureClass", disclosureClass, "source", "test", "licence", "OGL"));
        body.put("characteristicTypes", types);
        body.putAll(description);
        return admin().postJson("/api/v1/indicators", body);
    }

    private void release(String indicator, String csv) {
        assertThat(admin().post("/api/v1/indicators/" + indicator + "/releases", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status())
                .isIn(200, 201);
    }
}
