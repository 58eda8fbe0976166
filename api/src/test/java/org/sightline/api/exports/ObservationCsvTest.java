package org.sightline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.db.Tables.API_KEY;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.analysis.BenchmarkComparisons;
import org.sightline.api.analysis.ComparisonMethod;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.observations.ObservationService;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The CSV export: parsed with a CSV library as a spreadsheet would read it, and compared with GraphQL. */
class ObservationCsvTest extends SightlineTest {

    @Autowired
    ObservationService observations;
    @Autowired
    IndicatorCatalogue indicators;
    @Autowired
    AreaDirectory areas;
    @Autowired
    BenchmarkComparisons comparisons;
    @Autowired
    DSLContext db;

    @Test
    void aPublicExportHasTheFixedColumnsAndExactlyTheNoisyValuesGraphQlGives() throws Exception {
        HttpResponse<String> response = get("/api/v1/observations.csv?indicator=demo-service-contacts&within=Z08000001&level=ward&breakdown=sex", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("X-Sightline-Licence").orElse("")).contains("demo data");
        assertThat(response.headers().firstValue("X-Sightline-Source").orElse("")).contains("Wessex County Council");
        assertThat(response.body()).startsWith("\uFEFF");

        CSVParser csv = parse(response.body());
        assertThat(csv.getHeaderNames()).containsExactly("indicator_id", "indicator_name", "parent_code", "parent_name",
                "area_code", "area_name", "area_type", "sex", "period", "value", "lower_ci", "upper_ci", "lower_ci_99_8", "upper_ci_99_8",
                "count", "denominator",
                "disclosure_status", "value_note", "benchmark_code", "benchmark_value", "comparison_method", "comparison", "quintile");
        List<CSVRecord> rows = csv.getRecords();
        assertThat(rows).hasSize(40);

        Map<String, JsonNode> expected = observationsByAreaAndLabels(api(), """
                {indicator: "demo-service-contacts", areas: {within: "Z08000001", level: "ward"}, breakdown: ["sex"]}""");
        for (CSVRecord row : rows) {
            assertThat(row.get("parent_code")).isEqualTo("Z08000001");
            assertThat(row.get("parent_name")).isEqualTo("Casterbridge");
            assertThat(row.get("period")).isEqualTo("2023/24");
            assertThat(row.get("disclosure_status")).isIn("NOISED", "SUPPRESSED");
            assertThat(row.get("benchmark_code")).isEqualTo("Z92000001");
            assertThat(row.get("comparison_method")).isEqualTo("CI_OVERLAP_95");
            assertSameNumbers(row, expected.get(row.get("area_code") + "/" + row.get("sex")));
        }
    }

    @Test
    void everyLsoaInTheRegionExportsAndAddsUpToTheRegion() throws Exception {
        HttpResponse<String> response = get("/api/v1/observations.csv?indicator=demo-population&within=Z12000001&level=lsoa&periods=2022", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.body()).getRecords();
        assertThat(rows).hasSize(600);
        assertThat(rows).extracting(r -> r.get("area_code")).isSorted().doesNotHaveDuplicates();
        long sum = rows.stream().mapToLong(r -> Long.parseLong(r.get("count"))).sum();
        JsonNode region = api().data("""
                { observations(query: {indicator: "demo-population", areas: {codes: ["Z12000001"]}, periods: {codes: ["2022"]}}) {
                    edges { node { count } } } }""", Map.of());
        assertThat(sum).isEqualTo(region.at("/observations/edges/0/node/count").asLong());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("disclosure_status")).isEqualTo("EXACT"));
    }

    @Test
    void aRegionOfLsoasByTwoBreakdownsStreamsThroughChunksNoBiggerThanTheChunkSize() throws Exception {
        int areasPerChunk = 50;
        AtomicInteger largestAnswer = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        ChunkedAnswers.Answering recording = (query, caller) -> {
            var rows = observations.answer(query, caller);
            largestAnswer.accumulateAndGet(rows.size(), Math::max);
            answers.incrementAndGet();
            return rows;
        };
        ObservationQuery query = new ObservationQuery("demo-population", AreaSelector.within("Z12000001", "lsoa"),
                PeriodSelector.of(null, List.of("2022"), null, null), List.of("sex", "age_band"), List.of());

        String file = export(recording, areasPerChunk, query, ComparisonMethod.CI_OVERLAP_95, Caller.PUBLIC);

        int lsoas = api().data("{ areas(type: \"lsoa\", within: \"Z12000001\") { totalCount } }", Map.of()).at("/areas/totalCount").asInt();
        JsonNode types = api().data("{ indicator(id: \"demo-population\") { characteristicTypes { code values { code } } } }", Map.of())
                .at("/indicator/characteristicTypes");
        int cellsPerArea = 1;
        for (JsonNode type : types) {
            int values = 0;
            for (JsonNode value : type.get("values")) {
                values += value.get("code").asString().equals("total") ? 0 : 1;
            }
            cellsPerArea *= values;
        }
        assertThat(lsoas).isEqualTo(600);
        assertThat(cellsPerArea).isEqualTo(12);

        CSVParser csv = parse(file);
        assertThat(csv.getHeaderNames()).containsExactly("indicator_id", "indicator_name", "parent_code", "parent_name",
                "area_code", "area_name", "area_type", "sex", "age_band", "period", "value", "lower_ci", "upper_ci", "lower_ci_99_8",
                "upper_ci_99_8", "count",
                "denominator", "disclosure_status", "value_note", "benchmark_code", "benchmark_value", "comparison_method",
                "comparison", "quintile");
        List<CSVRecord> rows = csv.getRecords();
        assertThat(rows).hasSize(lsoas * cellsPerArea);
        assertThat(rows.stream().map(r -> r.get("area_code") + "/" + r.get("sex") + "/" + r.get("age_band")).distinct())
                .hasSize(lsoas * cellsPerArea);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("area_type")).isEqualTo("lsoa");
            assertThat(r.get("comparison")).isIn("HIGHER", "SIMILAR", "LOWER");
        });
        assertThat(largestAnswer.get()).as("the largest single answer the export held").isLessThanOrEqualTo(areasPerChunk * cellsPerArea);
        assertThat(answers.get()).isEqualTo(lsoas / areasPerChunk);
    }

    @Test
    void chunkedAnswersAreTheValuesTheWholeQuestionGetsOverGraphQl() throws Exception {
        String question = """
                {indicator: "demo-service-contacts", areas: {within: "Z12000001", level: "ward"}, breakdown: ["need", "sex"]}""";
        ObservationQuery query = new ObservationQuery("demo-service-contacts", AreaSelector.within("Z12000001", "ward"), null,
                List.of("need", "sex"), List.of());
        // Suppression for a partner (on the whole table of margins), noise for the public (per cell).
        Map<Caller, String> callers = Map.of(callerOf("demo-partner"), "demo-partner", Caller.PUBLIC, "");
        for (var caller : callers.entrySet()) {
            String file = export(observations::answer, 7, query, ComparisonMethod.CI_OVERLAP_95, caller.getKey());
            List<CSVRecord> rows = parse(file).getRecords();
            Map<String, JsonNode> whole = observationsByAreaAndLabels(caller.getValue().isEmpty() ? api() : api(caller.getValue()), question);
            assertThat(rows).hasSize(whole.size()).hasSize(100 * 12);
            for (CSVRecord row : rows) {
                assertSameNumbers(row, whole.get(row.get("area_code") + "/" + row.get("need") + "/" + row.get("sex")));
            }
            if (!caller.getValue().isEmpty()) {
                // Suppression withholds the same small cells on every database; which noisy cells fall
                // below the threshold depends on the database's noise secret.
                assertThat(rows).extracting(r -> r.get("disclosure_status")).contains("SUPPRESSED");
            }
        }
    }

    @Test
    void theComparisonColumnsSayWhatGraphQlCompareSays() throws Exception {
        record Case(String indicator, String level, String method) {
        }
        for (Case c : List.of(new Case("demo-emergency-admissions", "lsoa", "QUINTILES"),
                new Case("demo-emergency-admissions", "ward", "CI_OVERLAP_99_8"),
                new Case("demo-service-contacts", "ward", "CI_OVERLAP_95"),
                new Case("demo-service-contacts", "ward", "QUINTILES"))) {
            HttpResponse<String> response = get("/api/v1/observations.csv?indicator=" + c.indicator() + "&within=Z12000001&level="
                    + c.level() + "&breakdown=sex&comparison=" + c.method(), null);
            assertThat(response.statusCode()).isEqualTo(200);
            List<CSVRecord> rows = parse(response.body()).getRecords();
            JsonNode compare = api().data("""
                    query($indicator: ID!, $level: String, $method: ComparisonMethod) {
                      compare(query: {indicator: $indicator, areas: {within: "Z12000001", level: $level}, breakdown: ["sex"]}, method: $method) {
                        outcome quintile observation { area { code } characteristics { label } } benchmark { area { code } value } } }""",
                    Map.of("indicator", c.indicator(), "level", c.level(), "method", c.method())).get("compare");
            Map<String, JsonNode> byArea = new HashMap<>();
            compare.forEach(x -> byArea.put(x.at("/observation/area/code").asString() + "/"
                    + x.at("/observation/characteristics/0/label").asString(), x));
            assertThat(rows).as(c.toString()).hasSize(byArea.size());
            for (CSVRecord row : rows) {
                JsonNode expected = byArea.get(row.get("area_code") + "/" + row.get("sex"));
                assertThat(row.get("comparison_method")).isEqualTo(c.method());
                assertThat(row.get("comparison")).as("%s %s", c, row.get("area_code")).isEqualTo(expected.get("outcome").asString());
                assertThat(row.get("quintile")).isEqualTo(expected.get("quintile").isNull() ? "" : expected.get("quintile").asString());
                assertThat(row.get("benchmark_code")).isEqualTo(expected.at("/benchmark/area/code").asString());
                assertThat(Double.parseDouble(row.get("benchmark_value"))).isEqualTo(expected.at("/benchmark/value").asDouble());
            }
            if (c.method().equals("QUINTILES")) {
                assertThat(rows).extracting(r -> r.get("quintile")).contains("1", "5");
            }
        }
    }

    @Test
    void anIndicatorThatCannotBeRolledUpExportsWithoutADefaultBenchmark() throws Exception {
        HttpResponse<String> response = get("/api/v1/observations.csv?indicator=demo-wellbeing-score&within=Z08000001&level=lsoa", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.body()).getRecords();
        assertThat(rows).hasSize(120).allSatisfy(r -> {
            assertThat(r.get("benchmark_code")).isEmpty();
            assertThat(r.get("comparison")).isEqualTo("NOT_COMPARED");
        });
        List<CSVRecord> quintiles = parse(get("/api/v1/observations.csv?indicator=demo-wellbeing-score&within=Z08000001&level=lsoa"
                + "&comparison=QUINTILES", null).body()).getRecords();
        assertThat(quintiles).extracting(r -> r.get("quintile")).containsOnly("1", "2", "3", "4", "5");
    }

    @Test
    void theExportIsRefusedWhereGraphQlWouldRefuseBeforeAnyRowIsWritten() throws Exception {
        HttpResponse<String> lsoas = get("/api/v1/observations.csv?indicator=demo-service-contacts&within=Z05000001&level=lsoa", null);
        assertThat(lsoas.statusCode()).isEqualTo(403);
        assertThat(lsoas.body()).contains("ward level or coarser");
        assertThat(get("/api/v1/observations.csv?indicator=demo-service-contacts&within=Z05000001&level=lsoa", "demo-steward")
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/observations.csv?indicator=nope&codes=Z12000001", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/observations.csv?indicator=demo-population&codes=Z12000001", "bad-key").statusCode()).isEqualTo(401);

        HttpResponse<String> unknownWithin = get("/api/v1/observations.csv?indicator=demo-population&within=Z99999999&level=lsoa", null);
        assertThat(unknownWithin.statusCode()).isEqualTo(404);
        assertThat(unknownWithin.body()).contains("Z99999999");
        HttpResponse<String> badLevel = get("/api/v1/observations.csv?indicator=demo-population&within=Z12000001&level=street", null);
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(badLevel.body()).contains("level 'street' is not an area type");
        HttpResponse<String> badMethod = get("/api/v1/observations.csv?indicator=demo-population&codes=Z12000001&comparison=TERCILES", null);
        assertThat(badMethod.statusCode()).isEqualTo(400);
        assertThat(badMethod.body()).contains("QUINTILES");
        HttpResponse<String> unknownBenchmark = get("/api/v1/observations.csv?indicator=demo-population&codes=Z08000001&benchmark=Z99999998", null);
        assertThat(unknownBenchmark.statusCode()).isEqualTo(404);
        assertThat(unknownBenchmark.body()).contains("Z99999998");
    }

    /** Exports through a {@link ChunkedAnswers} with the given answering function and chunk size. */
    private String export(ChunkedAnswers.Answering answering, int areasPerChunk, ObservationQuery query, ComparisonMethod method,
                          Caller caller) throws Exception {
        ObservationCsv csv = new ObservationCsv(indicators, areas, comparisons, new ChunkedAnswers(areas, answering, areasPerChunk));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.prepare(query, null, method, caller).writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The caller a demo API key resolves to, as the security filter builds it. */
    private Caller callerOf(String apiKey) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        var key = db.selectFrom(API_KEY).where(API_KEY.KEY_SHA256.eq(hash)).fetchSingle();
        return new Caller("key:" + key.getId(), Role.valueOf(key.getRole()), key.getOrganisationId());
    }

    /** GraphQL observations of a question, keyed by area code and characteristic labels joined with "/". */
    private static Map<String, JsonNode> observationsByAreaAndLabels(org.sightline.api.Api caller, String question) {
        JsonNode edges = caller.data("{ observations(query: " + question + ", first: 10000) { edges { node { area { code } "
                + "characteristics { label } value count denominator lowerCI upperCI "
                + "wide: confidenceInterval(level: CI_99_8) { lower upper } disclosure { status reason } } } } }", Map.of())
                .at("/observations/edges");
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode edge : edges) {
            JsonNode node = edge.get("node");
            List<String> key = new ArrayList<>(List.of(node.at("/area/code").asString()));
            node.get("characteristics").forEach(c -> key.add(c.get("label").asString()));
            byKey.put(String.join("/", key), node);
        }
        return byKey;
    }

    private static void assertSameNumbers(CSVRecord row, JsonNode expected) {
        assertThat(expected).as("GraphQL has the row %s", row).isNotNull();
        assertThat(row.get("disclosure_status")).isEqualTo(expected.at("/disclosure/status").asString());
        assertThat(row.get("value_note")).isEqualTo(expected.at("/disclosure/reason").isNull() ? "" : expected.at("/disclosure/reason").asString());
        for (String[] column : new String[][] {{"value", "value"}, {"count", "count"}, {"denominator", "denominator"},
                {"lower_ci", "lowerCI"}, {"upper_ci", "upperCI"}, {"lower_ci_99_8", "wide/lower"}, {"upper_ci_99_8", "wide/upper"}}) {
            JsonNode graphql = expected.at("/" + column[1]);
            String csv = row.get(column[0]);
            if (graphql.isNull()) {
                assertThat(csv).as(column[0]).isEmpty();
            } else {
                assertThat(Double.parseDouble(csv)).as(column[0]).isEqualTo(graphql.asDouble());
            }
        }
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CSVParser parse(String body) throws Exception {
        String withoutBom = body.startsWith("\uFEFF") ? body.substring(1) : body;
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(withoutBom));
    }
}
