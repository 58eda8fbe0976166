package org.sightline.api.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Observations over the demo data set, checked against sums computed here directly from the demo
 * release files and geography file (not through the server's SQL).
 */
class DemoObservationsTest extends SightlineTest {

    private static final String OBSERVATIONS = """
            query($q: ObservationQuery!, $first: Int, $after: String) {
              observations(query: $q, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node {
                  area { code name type { code } }
                  period { code type start end }
                  characteristics { type code label }
                  value count denominator lowerCI upperCI
                  disclosure { status reason mechanism epsilon rho }
                } }
              }
            }""";

    private final DemoDataSet demo = new DemoDataSet();

    @Test
    void wardPopulationsAreTheSumsOfTheirLsoas() throws IOException {
        Map<String, String> wardOfLsoa = parentsOf("lsoa", "admin");
        Map<String, Long> expected = new HashMap<>();
        for (CSVRecord r : csv(demo.releaseCsv(DemoDataSet.POPULATION))) {
            if (r.get("period").equals("2023") && wardOfLsoa.get(r.get("area_code")).compareTo("Z05000020") <= 0) {
                expected.merge(wardOfLsoa.get(r.get("area_code")), Long.parseLong(r.get("count")), Long::sum);
            }
        }
        List<JsonNode> rows = rows(query(DemoDataSet.POPULATION, Map.of("within", "Z08000001", "level", "ward"), null, null, null));

        assertThat(rows).hasSize(20);
        Map<String, Long> actual = new HashMap<>();
        rows.forEach(r -> actual.put(r.at("/area/code").asString(), r.get("count").asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.at("/period/code").asString()).isEqualTo("2023");
            assertThat(r.at("/area/type/code").asString()).isEqualTo("ward");
            assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT");
            assertThat(r.get("value").asDouble()).isEqualTo(r.get("count").asDouble());
        });
    }

    @Test
    void breakdownTotalsOverEveryOtherCharacteristicAndFilterKeepsTheAskedValues() throws IOException {
        long women75 = 0;
        long men75 = 0;
        for (CSVRecord r : csv(demo.releaseCsv(DemoDataSet.POPULATION))) {
            if (r.get("period").equals("2021") && r.get("age_band").equals("75+")) {
                if (r.get("sex").equals("F")) {
                    women75 += Long.parseLong(r.get("count"));
                } else {
                    men75 += Long.parseLong(r.get("count"));
                }
            }
        }
        List<JsonNode> rows = rows(query(DemoDataSet.POPULATION, Map.of("codes", List.of(DemoDataSet.REGION)),
                Map.of("codes", List.of("2021")), List.of("sex"), List.of(Map.of("type", "age_band", "values", List.of("75+")))));

        assertThat(rows).extracting(r -> r.at("/characteristics/0/code").asString()).containsExactly("F", "M");
        assertThat(rows).extracting(r -> r.get("count").asLong()).containsExactly(women75, men75);
        assertThat(rows.get(0).at("/characteristics/0/label").asString()).isEqualTo("Female");
    }

    @Test
    void ratesAreRecomputedFromSummedNumeratorsAndDenominatorsNeverAveraged() throws IOException {
        Map<String, String> wardOfLsoa = parentsOf("lsoa", "admin");
        Map<String, String> districtOfWard = parentsOf("ward", "admin");
        long numerator = 0;
        long denominator = 0;
        double sumOfLsoaRates = 0;
        int lsoaCells = 0;
        for (CSVRecord r : csv(demo.releaseCsv(DemoDataSet.ADMISSIONS_RATE))) {
            if (r.get("period").equals("2022") && districtOfWard.get(wardOfLsoa.get(r.get("area_code"))).equals("Z08000003")) {
                numerator += Long.parseLong(r.get("count"));
                denominator += Long.parseLong(r.get("denominator"));
                sumOfLsoaRates += 1000.0 * Long.parseLong(r.get("count")) / Long.parseLong(r.get("denominator"));
                lsoaCells++;
            }
        }
        double expectedRate = 1000.0 * numerator / denominator;
        List<JsonNode> rows = rows(query(DemoDataSet.ADMISSIONS_RATE, Map.of("codes", List.of("Z08000003")),
                Map.of("codes", List.of("2022")), null, null));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("count").asLong()).isEqualTo(numerator);
        assertThat(rows.get(0).get("denominator").asLong()).isEqualTo(denominator);
        assertThat(rows.get(0).get("value").asDouble()).isCloseTo(expectedRate, within(1e-9));
        // The average of the LSOA rates is a different (wrong) number; make sure the test can tell.
        assertThat(Math.abs(sumOfLsoaRates / lsoaCells - expectedRate)).isGreaterThan(1e-6);
    }

    @Test
    void nonAdditiveScoresAreServedAtTheirGrainAndRefuseRollUp() {
        JsonNode refused = api().graphql(OBSERVATIONS, Map.of("q", Map.of("indicator", DemoDataSet.WELLBEING_SCORE,
                "areas", Map.of("within", "Z08000002", "level", "ward"))));
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(refused.at("/errors/0/message").asString()).contains("NON_ADDITIVE").contains("cannot be combined");

        List<JsonNode> lsoas = rows(query(DemoDataSet.WELLBEING_SCORE, Map.of("within", "Z05000001", "level", "lsoa"), null, null, null));
        assertThat(lsoas).hasSize(6);
        assertThat(lsoas).allSatisfy(r -> {
            assertThat(r.get("value").isNumber()).isTrue();
            assertThat(r.get("lowerCI").asDouble()).isLessThan(r.get("value").asDouble());
            assertThat(r.get("upperCI").asDouble()).isGreaterThan(r.get("value").asDouble());
        });
    }

    @Test
    void latestPeriodIsTheDefaultAndRangesSelectPeriods() {
        List<JsonNode> latest = rows(query(DemoDataSet.SERVICE_CONTACTS, Map.of("codes", List.of(DemoDataSet.REGION)), null, null, null));
        assertThat(latest).extracting(r -> r.at("/period/code").asString()).containsExactly("2023/24");
        assertThat(latest.get(0).at("/period/start").asString()).isEqualTo("2023-04-01");

        List<JsonNode> range = rows(query(DemoDataSet.POPULATION, Map.of("codes", List.of("Z08000005")),
                Map.of("from", "2020", "to", "2022"), null, null));
        assertThat(range).extracting(r -> r.at("/period/code").asString()).containsExactly("2020", "2021", "2022");
    }

    @Test
    void cursorsPageThroughEveryRowExactlyOnce() {
        Map<String, Object> q = query(DemoDataSet.SERVICE_CONTACTS, Map.of("within", "Z08000004", "level", "ward"),
                null, List.of("need", "sex"), null);
        JsonNode all = api().data(OBSERVATIONS, Map.of("q", q, "first", 10_000)).get("observations");
        int total = all.get("totalCount").asInt();
        assertThat(total).isEqualTo(20 * 6 * 2);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("q", q, "first", 37));
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode page = api().data(OBSERVATIONS, variables).get("observations");
            page.get("edges").forEach(e -> seen.add(e.at("/node/area/code").asString() + "/"
                    + e.at("/node/characteristics/0/code").asString() + "/" + e.at("/node/characteristics/1/code").asString()));
            after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asString() : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo((total + 36) / 37);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        List<String> unpaged = new ArrayList<>();
        all.get("edges").forEach(e -> unpaged.add(e.at("/node/area/code").asString() + "/"
                + e.at("/node/characteristics/0/code").asString() + "/" + e.at("/node/characteristics/1/code").asString()));
        assertThat(seen).isEqualTo(unpaged);
    }

    @Test
    void mistakesGetErrorsThatSayWhatToChange() {
        assertThat(error(query("no-such-indicator", Map.of("codes", List.of(DemoDataSet.REGION)), null, null, null)))
                .isEqualTo("NOT_FOUND");
        assertThat(error(query(DemoDataSet.POPULATION, Map.of("codes", List.of(DemoDataSet.REGION)), null, List.of("ethnicity"), null)))
                .isEqualTo("BAD_REQUEST");
        assertThat(error(query(DemoDataSet.POPULATION, Map.of("within", "Z99999999", "level", "ward"), null, null, null)))
                .isEqualTo("NOT_FOUND");
        assertThat(error(query(DemoDataSet.POPULATION, Map.of("within", DemoDataSet.REGION, "level", "parish"), null, null, null)))
                .isEqualTo("BAD_REQUEST");
        assertThat(error(query(DemoDataSet.POPULATION, Map.of("codes", List.of(DemoDataSet.REGION)), Map.of("codes", List.of("FY2019")), null, null)))
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void areasCanBeBrowsedUpAndDownTheHierarchy() {
        JsonNode data = api().data("""
                { areas(type: "ward", within: "Z08000001", first: 5) { totalCount edges { node { code parent { code } } } pageInfo { hasNextPage } }
                  area(code: "Z01000001") { name type { code } ward: parent(type: "ward") { code } region: parent(type: "region") { name }
                                            msoa: parent(type: "msoa") { code } }
                  district: area(code: "Z08000002") { children { code } lsoas: children(type: "lsoa") { code } } }""", Map.of());
        assertThat(data.at("/areas/totalCount").asInt()).isEqualTo(20);
        assertThat(data.at("/areas/edges")).hasSize(5);
        assertThat(data.at("/areas/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(data.at("/areas/edges/0/node/parent/code").asString()).isEqualTo("Z08000001");
        assertThat(data.at("/area/ward/code").asString()).isEqualTo("Z05000001");
        assertThat(data.at("/area/region/name").asString()).isEqualTo("Wessex");
        assertThat(data.at("/area/msoa/code").asString()).isEqualTo("Z02000001");
        assertThat(data.at("/district/lsoas")).hasSize(120);
        assertThat(data.at("/district/children")).hasSize(40); // 20 wards and 20 MSOAs
    }

    private String error(Map<String, Object> query) {
        JsonNode response = api().graphql(OBSERVATIONS, Map.of("q", query));
        assertThat(response.has("errors")).as("expected an error for %s", query).isTrue();
        assertThat(response.at("/errors/0/message").asString()).isNotBlank();
        return response.at("/errors/0/extensions/classification").asString();
    }

    private static Map<String, Object> query(String indicator, Map<String, Object> areas, Map<String, Object> periods,
                                             List<String> breakdown, List<Map<String, Object>> filter) {
        Map<String, Object> q = new HashMap<>();
        q.put("indicator", indicator);
        q.put("areas", areas);
        if (periods != null) {
            q.put("periods", periods);
        }
        if (breakdown != null) {
            q.put("breakdown", breakdown);
        }
        if (filter != null) {
            q.put("filter", filter);
        }
        return q;
    }

    private List<JsonNode> rows(Map<String, Object> query) {
        JsonNode connection = api().data(OBSERVATIONS, Map.of("q", query, "first", 10_000)).get("observations");
        List<JsonNode> rows = new ArrayList<>();
        connection.get("edges").forEach(e -> rows.add(e.get("node")));
        assertThat(connection.get("totalCount").asInt()).isEqualTo(rows.size());
        return rows;
    }

    private Map<String, String> parentsOf(String type, String hierarchy) throws IOException {
        Map<String, String> parents = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : csv(demo.geographyCsv())) {
            if (r.get("area_type").equals(type) && r.get("hierarchy").equals(hierarchy) && seen.add(r.get("area_code"))) {
                parents.put(r.get("area_code"), r.get("parent_code"));
            }
        }
        return parents;
    }

    static List<CSVRecord> csv(byte[] content) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(content, StandardCharsets.UTF_8))).getRecords();
    }
}
