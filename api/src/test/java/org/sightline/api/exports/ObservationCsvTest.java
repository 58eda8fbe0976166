package org.sightline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/** The CSV export: parsed with a CSV library as a spreadsheet would read it, and compared with GraphQL. */
class ObservationCsvTest extends SightlineTest {

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
                "area_code", "area_name", "area_type", "sex", "period", "value", "lower_ci", "upper_ci", "count", "denominator",
                "disclosure_status", "value_note");
        List<CSVRecord> rows = csv.getRecords();
        assertThat(rows).hasSize(40);

        JsonNode graphql = api().data("""
                { observations(query: {indicator: "demo-service-contacts", areas: {within: "Z08000001", level: "ward"}, breakdown: ["sex"]}) {
                    edges { node { area { code } characteristics { label } count disclosure { status } } } } }""", Map.of());
        Map<String, String> expected = new HashMap<>();
        graphql.at("/observations/edges").forEach(e -> expected.put(
                e.at("/node/area/code").asString() + "/" + e.at("/node/characteristics/0/label").asString(),
                (e.at("/node/count").isNull() ? "" : Long.toString(e.at("/node/count").asLong())) + " " + e.at("/node/disclosure/status").asString()));
        for (CSVRecord row : rows) {
            assertThat(row.get("parent_code")).isEqualTo("Z08000001");
            assertThat(row.get("parent_name")).isEqualTo("Casterbridge");
            assertThat(row.get("period")).isEqualTo("2023/24");
            assertThat(row.get("disclosure_status")).isIn("NOISED", "SUPPRESSED");
            assertThat(row.get("count") + " " + row.get("disclosure_status"))
                    .isEqualTo(expected.get(row.get("area_code") + "/" + row.get("sex")));
        }
    }

    @Test
    void everyLsoaInTheRegionExportsAndAddsUpToTheRegion() throws Exception {
        HttpResponse<String> response = get("/api/v1/observations.csv?indicator=demo-population&within=Z12000001&level=lsoa&periods=2022", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.body()).getRecords();
        assertThat(rows).hasSize(600);
        long sum = rows.stream().mapToLong(r -> Long.parseLong(r.get("count"))).sum();
        JsonNode region = api().data("""
                { observations(query: {indicator: "demo-population", areas: {codes: ["Z12000001"]}, periods: {codes: ["2022"]}}) {
                    edges { node { count } } } }""", Map.of());
        assertThat(sum).isEqualTo(region.at("/observations/edges/0/node/count").asLong());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("disclosure_status")).isEqualTo("EXACT"));
    }

    @Test
    void theExportIsRefusedWhereGraphQlWouldRefuse() throws Exception {
        HttpResponse<String> lsoas = get("/api/v1/observations.csv?indicator=demo-service-contacts&within=Z05000001&level=lsoa", null);
        assertThat(lsoas.statusCode()).isEqualTo(403);
        assertThat(lsoas.body()).contains("ward level or coarser");
        assertThat(get("/api/v1/observations.csv?indicator=demo-service-contacts&within=Z05000001&level=lsoa", "demo-steward")
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/observations.csv?indicator=nope&codes=Z12000001", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/observations.csv?indicator=demo-population&codes=Z12000001", "bad-key").statusCode()).isEqualTo(401);
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
