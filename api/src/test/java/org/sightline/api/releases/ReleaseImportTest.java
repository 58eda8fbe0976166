package org.sightline.api.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sightline.db.Tables.OBSERVATION;
import static org.sightline.db.Tables.PERIOD;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Publishing releases over HTTP: all or nothing, every problem reported, identical files recognised. */
class ReleaseImportTest extends SightlineTest {

    @Autowired
    DSLContext db;

    private static final String INDICATOR = "test-falls-admissions";

    @BeforeEach
    void defineIndicator() {
        Api.Response response = admin().postJson("/api/v1/indicators", indicator("Falls admissions (test)"));
        assertThat(response.status()).isIn(200, 201);
    }

    @Test
    void aFileWithBadRowsPublishesNothingAndReportsEveryBadLine() {
        String file = """
                area_code,period,sex,count
                Z01000001,2019,F,12
                Z01999999,2019,F,3
                Z01000002,2019,M,seven
                Z01000001,2019,F,4
                Z01000003,FY2019,F,5
                Z01000004,2019,X,5
                Z05000001,2019,M,5
                """;
        Api.Response response = upload(file);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("classification").asString()).isEqualTo("BAD_REQUEST");
        Map<Long, String> columnByLine = new HashMap<>();
        Map<Long, String> reasonByLine = new HashMap<>();
        response.body().get("errors").forEach(e -> {
            columnByLine.put(e.get("line").asLong(), e.get("column").asString());
            reasonByLine.put(e.get("line").asLong(), e.get("reason").asString());
        });
        assertThat(columnByLine).containsExactlyInAnyOrderEntriesOf(Map.of(
                3L, "area_code", 4L, "count", 5L, "area_code", 6L, "period", 7L, "sex", 8L, "area_code"));
        assertThat(reasonByLine.get(3L)).contains("not a known area code");
        assertThat(reasonByLine.get(4L)).contains("whole number");
        assertThat(reasonByLine.get(5L)).contains("duplicate cell").contains("line 2");
        assertThat(reasonByLine.get(6L)).contains("'FY2019'");
        assertThat(reasonByLine.get(7L)).contains("not a value of sex");
        assertThat(reasonByLine.get(8L)).contains("is a ward").contains("one geography level");
        assertThat(periodsOf(INDICATOR)).isEmpty();
    }

    @Test
    void aLongFileIsStoredAsItArrivesYetAProblemOnItsLastLinesStoresNothing() {
        // 24,000 rows over 20 periods: streamed into the database in many COPY buffers, with a
        // new period met every 1,200 rows, before the problems at the very end are read.
        StringBuilder rows = new StringBuilder("area_code,period,sex,count\n");
        long line = 1;
        for (int year = 1990; year < 2010; year++) {
            for (int lsoa = 1; lsoa <= 600; lsoa++) {
                for (String sex : List.of("F", "M")) {
                    rows.append("Z01%06d,%d,%s,%d%n".formatted(lsoa, year, sex, (lsoa * 7 + year) % 50));
                    line++;
                }
            }
        }
        Map<String, Object> longIndicator = new HashMap<>(indicator("Long release (test)"));
        longIndicator.put("id", "test-long-release");
        assertThat(admin().postJson("/api/v1/indicators", longIndicator).status()).isIn(200, 201);
        long observationsBefore = db.fetchCount(OBSERVATION);
        int periodsBefore = db.fetchCount(PERIOD);
        String bad = rows + "Z01000001,1990,F,5\nZ01000002,2009,X,1\n";

        Api.Response refused = upload("test-long-release", bad);

        assertThat(refused.status()).isEqualTo(422);
        Map<Long, String> reasonByLine = new HashMap<>();
        refused.body().get("errors").forEach(e -> reasonByLine.put(e.get("line").asLong(), e.get("reason").asString()));
        assertThat(reasonByLine).containsOnlyKeys(line + 1, line + 2);
        assertThat(reasonByLine.get(line + 1)).contains("duplicate cell").contains("line 2 ");
        assertThat(reasonByLine.get(line + 2)).contains("not a value of sex");
        assertThat(db.fetchCount(OBSERVATION)).as("no cell of the refused file is kept").isEqualTo(observationsBefore);
        assertThat(db.fetchCount(PERIOD)).as("nor any period it named").isEqualTo(periodsBefore);
        assertThat(periodsOf("test-long-release")).isEmpty();

        Api.Response stored = upload("test-long-release", rows.toString());

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.body().get("rows").asLong()).isEqualTo(24_000);
        assertThat(stored.body().get("periods")).hasSize(20);
        assertThat(db.fetchCount(OBSERVATION)).isEqualTo(observationsBefore + 24_000);
        JsonNode cell = api("demo-steward").data("""
                query { observations(query: {indicator: "test-long-release", areas: {codes: ["Z01000599"]},
                                             periods: {codes: ["2004"]}, breakdown: ["sex"], filter: [{type: "sex", values: ["M"]}]}) {
                  edges { node { count } } } }""", Map.of());
        assertThat(cell.at("/observations/edges/0/node/count").asLong()).isEqualTo((599 * 7 + 2004) % 50);
    }

    @Test
    void headerProblemsAreReportedBeforeAnyRow() {
        Api.Response response = upload("area_code,sex,count,colour\nZ01000001,F,1,red\n");
        assertThat(response.status()).isEqualTo(422);
        List<String> columns = new ArrayList<>();
        response.body().get("errors").forEach(e -> {
            assertThat(e.get("line").asLong()).isEqualTo(1);
            columns.add(e.get("column").asString());
        });
        assertThat(columns).containsExactlyInAnyOrder("period", "colour");
    }

    @Test
    void anIdenticalReUploadCreatesNothingAndANewFileBecomesTheNextVersion() {
        String file = "area_code,period,sex,count\nZ01000010,2018,F,\"1,204\"\nZ01000010,2018,M,998\n";
        Api.Response first = upload(file);
        Api.Response again = upload(file);

        assertThat(first.status()).isIn(200, 201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("releaseId").asLong()).isEqualTo(first.body().get("releaseId").asLong());
        assertThat(again.body().get("version").asInt()).isEqualTo(first.body().get("version").asInt());

        Api.Response corrected = upload(file.replace("998", "999"));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.body().get("version").asInt()).isEqualTo(first.body().get("version").asInt() + 1);
        assertThat(corrected.body().get("periods").get(0).asString()).isEqualTo("2018");
        // The newest release of a period is the one queries read.
        JsonNode males = api("demo-steward").data("""
                query { observations(query: {indicator: "test-falls-admissions", areas: {codes: ["Z01000010"]},
                                             periods: {codes: ["2018"]}, breakdown: ["sex"], filter: [{type: "sex", values: ["M"]}]}) {
                  edges { node { count } } } }""", Map.of());
        assertThat(males.at("/observations/edges/0/node/count").asLong()).isEqualTo(999);
    }

    @Test
    void indicatorDefinitionsAreIdempotentAndConflictsAreRefused() {
        assertThat(admin().postJson("/api/v1/indicators", indicator("Falls admissions (test)")).status()).isEqualTo(200);
        Api.Response conflict = admin().postJson("/api/v1/indicators", indicator("Another title"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("message").asString()).contains(INDICATOR);

        Map<String, Object> bad = new HashMap<>(indicator("x"));
        bad.put("id", "bad-" + System.nanoTime());
        bad.put("measureType", "AVERAGE");
        Api.Response invalid = admin().postJson("/api/v1/indicators", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("message").asString()).contains("measureType 'AVERAGE'");
    }

    @Test
    void characteristicTypesAreIdempotentAndConflictsAreRefused() {
        Map<String, Object> ethnicity = Map.of("code", "test_ethnicity", "name", "Ethnic group", "values",
                List.of(Map.of("code", "A", "label", "Asian"), Map.of("code", "W", "label", "White")));
        assertThat(admin().postJson("/api/v1/characteristic-types", ethnicity).status()).isIn(200, 201);
        assertThat(admin().postJson("/api/v1/characteristic-types", ethnicity).status()).isEqualTo(200);
        Map<String, Object> changed = Map.of("code", "test_ethnicity", "name", "Ethnic group", "values",
                List.of(Map.of("code", "A", "label", "Asian")));
        assertThat(admin().postJson("/api/v1/characteristic-types", changed).status()).isEqualTo(409);
        JsonNode types = api().data("{ characteristicTypes { code values { code } } }", Map.of());
        List<String> codes = new ArrayList<>();
        types.get("characteristicTypes").forEach(t -> {
            if (t.get("code").asString().equals("test_ethnicity")) {
                t.get("values").forEach(v -> codes.add(v.get("code").asString()));
            }
        });
        assertThat(codes).containsExactly("total", "A", "W");
    }

    private Api.Response upload(String csv) {
        return upload(INDICATOR, csv);
    }

    private Api.Response upload(String indicator, String csv) {
        return admin().post("/api/v1/indicators/" + indicator + "/releases", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private List<String> periodsOf(String indicator) {
        JsonNode data = api().data("query($id: ID!) { indicator(id: $id) { periods { code } } }", Map.of("id", indicator));
        List<String> periods = new ArrayList<>();
        data.at("/indicator/periods").forEach(p -> periods.add(p.get("code").asString()));
        return periods;
    }

    private static Map<String, Object> indicator(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", INDICATOR);
        body.put("title", title);
        body.put("definition", "Emergency admissions for falls, people aged 65 and over.");
        body.put("unit", "admissions");
        body.put("measureType", "ADDITIVE_COUNT");
        body.put("multiplier", 1);
        body.put("polarity", "LOWER_IS_BETTER");
        body.put("disclosureClass", "SENSITIVE");
        body.put("source", "Test suite");
        body.put("licence", "OGL v3.0");
        body.put("characteristicTypes", List.of("sex"));
        return body;
    }
}
