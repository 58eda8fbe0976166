package org.sightline.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Record-level intake end to end: a record file with valid and invalid rows is counted as an
 * independent aggregation in this test says, rejected rows are reported by line and field, and
 * afterwards no table, log line or response holds a postcode, date of birth or free text of the
 * file; postcodes land in the right LSOAs, wards and sectors; an unmapped local code refuses the
 * file until it is mapped; and every endpoint refuses whoever may not use it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordIntakeTest extends SightlineTest {

    private static final String COUNCIL = "demo-wessex-council";
    private static final String PERIOD = "2023/24";
    private static final List<String> PUBLISHED_NEEDS = List.of("mental_health", "housing", "carer_support");
    private static final int BOUND = 2;
    private static final String OBSERVATIONS = """
            query($indicator: ID!, $level: String!, $period: String!) {
              observations(query: {indicator: $indicator, areas: {within: "Z92000001", level: $level}, periods: {codes: [$period]}},
                           first: 2000) { edges { node { area { code } count disclosure { status } } } } }""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Organisations organisations;

    /** One postcode of the demo directory. */
    record Postcode(String pcds, String lsoa, String ward, boolean terminated) {
        String sector() {
            String n = pcds.replace(" ", "");
            return n.substring(0, n.length() - 3) + " " + n.charAt(n.length() - 3);
        }
    }

    @Test
    @Timeout(180)
    void aRecordFileIsCountedAsAnIndependentAggregationSaysAndLeavesNoRecordValueAnywhere(CapturedOutput output) throws IOException {
        List<Postcode> directory = directory();
        assertThat(api("demo-steward").post("/api/v1/codelists/ethnicity/mappings",
                ("organisation,local_code,standard_code\n" + COUNCIL + ",WBRI,W1\n" + COUNCIL + ",WIRI,W2\n" + COUNCIL + ",AIND,A3\n"
                        + COUNCIL + ",BAFR,B1\n").getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(200);
        assertThat(api("demo-steward").post("/api/v1/codelists/support_need/mappings",
                ("organisation,local_code,standard_code\n" + COUNCIL + ",MH,mental_health\n").getBytes(StandardCharsets.UTF_8),
                "text/csv").status()).isEqualTo(200);
        Map<String, Object> intake = intake("test-intake-contacts", COUNCIL, "lsoa", "SENSITIVE", List.of(
                column("contact_date", "CONTACT_DATE", null), column("postcode", "POSTCODE", null),
                column("dob", "DATE_OF_BIRTH", "age_group"), column("ethnicity", "CHARACTERISTIC", "ethnicity"),
                column("need_1", "NEED", "support_need"), column("need_2", "NEED", null), column("notes", "IGNORE", null)));
        Api.Response defined = api("demo-steward").postJson("/api/v1/record-intakes", intake);
        assertThat(defined.status()).as(defined.body().toString()).isIn(200, 201);
        assertThat(defined.body().get("indicators").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "test-intake-contacts-mental-health", "test-intake-contacts-housing", "test-intake-contacts-carer-support",
                "test-intake-contacts-multiple-needs");

        // The file: 400 valid records, then invalid ones at known lines.
        SplittableRandom random = new SplittableRandom(11);
        List<String> ethnicities = List.of("WBRI", "WIRI", "AIND", "BAFR", "O1", "M2", "");
        List<String> needs = List.of("mental_health", "MH", "housing", "carer_support", "social_support", "", "");
        StringBuilder file = new StringBuilder("contact_date,postcode,dob,ethnicity,need_1,need_2,notes\n");
        Set<String> secrets = new LinkedHashSet<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Postcode postcode = directory.get(random.nextInt(directory.size()));
            LocalDate contact = LocalDate.of(2023, 4, 1).plusDays(random.nextInt(366));
            // Dates of birth before 1999, so no other test's question (periods, agreement dates) holds one by chance.
            String dob = random.nextInt(10) == 0 ? "" : LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000)).toString();
            String written = random.nextBoolean() ? postcode.pcds() : postcode.pcds().replace(" ", "").toLowerCase();
            rows.add(new String[] {contact.toString(), written, dob, ethnicities.get(random.nextInt(ethnicities.size())),
                    needs.get(random.nextInt(needs.size())), needs.get(random.nextInt(needs.size())), "Seen by Mrs Pettigrew " + i});
        }
        rows.add(new String[] {"31/02/2024", directory.get(0).pcds(), "1970-05-05", "WBRI", "housing", "", "bad date"});
        rows.add(new String[] {"2023-06-01", "NOT A POSTCODE", "1971-06-06", "WBRI", "housing", "", "bad postcode"});
        rows.add(new String[] {"2023-06-01", "WX9 9ZZ", "1972-07-07", "WBRI", "housing", "", "unknown postcode"});
        rows.add(new String[] {"2023-06-01", directory.get(1).pcds(), "2023-11-19", "WBRI", "housing", "", "born after contact"});
        rows.add(new String[] {"2023-06-01", "", "1973-08-08", "WBRI", "housing", "", "no postcode"});
        Map<Integer, String> invalidFields = Map.of(402, "contact_date", 403, "postcode", 404, "postcode", 405, "dob", 406, "postcode");
        for (String[] row : rows) {
            file.append(String.join(",", row)).append('\n');
            if (!row[1].isBlank() && !row[1].equals("NOT A POSTCODE")) {
                secrets.add(row[1]);
                secrets.add(row[1].replace(" ", "").toUpperCase());
            }
            if (!row[2].isBlank()) {
                secrets.add(row[2]);
            }
            secrets.add(row[6]);
        }
        secrets.add("Pettigrew");

        // The independent aggregation: the same rules as documented, computed here from the file.
        Map<String, Postcode> byPostcode = new HashMap<>();
        directory.forEach(p -> byPostcode.put(p.pcds().replace(" ", ""), p));
        Map<String, Map<String, Integer>> expectedByNeed = new HashMap<>();
        Map<String, Map<String, Integer>> expectedWardByNeed = new HashMap<>();
        List<String> indicators = new ArrayList<>();
        PUBLISHED_NEEDS.forEach(n -> indicators.add("test-intake-contacts-" + n.replace('_', '-')));
        indicators.add("test-intake-contacts-multiple-needs");
        indicators.forEach(i -> {
            expectedByNeed.put(i, new TreeMap<>());
            expectedWardByNeed.put(i, new TreeMap<>());
        });
        int accepted = 0;
        int terminated = 0;
        int unknownEthnicity = 0;
        int unknownAge = 0;
        for (String[] row : rows.subList(0, 400)) {
            Postcode p = byPostcode.get(row[1].replace(" ", "").toUpperCase());
            accepted++;
            terminated += p.terminated() ? 1 : 0;
            unknownEthnicity += row[3].isEmpty() ? 1 : 0;
            unknownAge += row[2].isEmpty() ? 1 : 0;
            Set<String> distinct = new LinkedHashSet<>();
            for (String need : List.of(row[4], row[5])) {
                if (!need.isEmpty()) {
                    distinct.add(need.equals("MH") ? "mental_health" : need);
                }
            }
            List<String> counted = distinct.stream().filter(PUBLISHED_NEEDS::contains).limit(BOUND).toList();
            for (String need : counted) {
                String indicator = "test-intake-contacts-" + need.replace('_', '-');
                expectedByNeed.get(indicator).merge(p.lsoa(), 1, Integer::sum);
                expectedWardByNeed.get(indicator).merge(p.ward(), 1, Integer::sum);
            }
            if (distinct.size() >= 2) {
                expectedByNeed.get("test-intake-contacts-multiple-needs").merge(p.lsoa(), 1, Integer::sum);
                expectedWardByNeed.get("test-intake-contacts-multiple-needs").merge(p.ward(), 1, Integer::sum);
            }
        }

        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        Api.Response uploaded = api("demo-steward").post("/api/v1/record-intakes/test-intake-contacts/records", bytes, "text/csv");
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        JsonNode report = uploaded.body();
        assertThat(report.get("rowsRead").asInt()).isEqualTo(rows.size());
        assertThat(report.get("rowsAccepted").asInt()).isEqualTo(accepted);
        assertThat(report.get("rowsRejected").asInt()).isEqualTo(invalidFields.size());
        Map<Integer, String> rejected = new TreeMap<>();
        report.get("rejections").forEach(r -> rejected.put(r.get("line").asInt(), r.get("field").asString()));
        assertThat(rejected).isEqualTo(new TreeMap<>(invalidFields));
        assertThat(report.at("/postcodesUnmatched/count").asInt()).isEqualTo(1);
        assertThat(report.at("/postcodesUnmatched/lines/0").asInt()).isEqualTo(404);
        assertThat(report.at("/postcodesTerminated/count").asInt()).isEqualTo(terminated);
        assertThat(report.at("/unknownPercent/ethnicity").asDouble()).isEqualTo(Math.round(1000.0 * unknownEthnicity / accepted) / 10.0);
        assertThat(report.at("/unknownPercent/age_group").asDouble()).isEqualTo(Math.round(1000.0 * unknownAge / accepted) / 10.0);
        assertThat(report.get("ignoredColumns").valueStream().map(JsonNode::asString).toList()).isEmpty();
        assertThat(report.get("releases")).hasSize(4);

        for (String indicator : indicators) {
            Map<String, Integer> lsoas = counts(indicator, "lsoa");
            Map<String, Integer> expected = expectedByNeed.get(indicator);
            expected.forEach((lsoa, count) -> assertThat(lsoas.get(lsoa)).as(indicator + " " + lsoa).isEqualTo(count));
            lsoas.forEach((lsoa, count) -> assertThat(count).as(indicator + " " + lsoa).isEqualTo(expected.getOrDefault(lsoa, 0)));
            Map<String, Integer> wards = counts(indicator, "ward");
            expectedWardByNeed.get(indicator).forEach((ward, count) -> assertThat(wards.get(ward)).as(indicator + " " + ward).isEqualTo(count));
            assertThat(wards.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        }
        JsonNode provenance = api("demo-steward").data("{ indicator(id: \"test-intake-contacts-housing\") { periods { code } } }", Map.of());
        assertThat(provenance.at("/indicator/periods/0/code").asString()).isEqualTo(PERIOD);
        assertThat(jdbc.queryForObject("SELECT method FROM release WHERE id = ?", String.class, report.at("/releases/0/releaseId").asLong()))
                .contains("Aggregated on arrival from " + accepted + " records").contains(report.get("fileSha256").asString());

        // The identical file again: nothing new.
        Api.Response again = api("demo-steward").post("/api/v1/record-intakes/test-intake-contacts/records", bytes, "text/csv");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().at("/releases/0/releaseId").asLong()).isEqualTo(report.at("/releases/0/releaseId").asLong());

        // No table, log line or response holds a postcode, a date of birth or the free text of the file.
        List<String> upperSecrets = secrets.stream().map(String::toUpperCase).toList();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')""");
        assertThat(columns).hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String sql = "SELECT DISTINCT upper(\"" + c.get("column_name") + "\"::text) FROM \"" + c.get("table_name") + "\" WHERE \""
                    + c.get("column_name") + "\" IS NOT NULL";
            jdbc.query(sql, rs -> {
                String value = rs.getString(1);
                upperSecrets.stream().filter(value::contains).findFirst()
                        .ifPresent(secret -> found.add(c.get("table_name") + "." + c.get("column_name") + " holds " + secret));
            });
        }
        assertThat(found).as("columns holding a record's postcode, date of birth or notes").isEmpty();
        // The scan does find what is stored: the local codes mapped above.
        List<String> control = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            jdbc.query("SELECT DISTINCT upper(\"" + c.get("column_name") + "\"::text) FROM \"" + c.get("table_name") + "\"", rs -> {
                if (rs.getString(1) != null && rs.getString(1).contains("WBRI")) {
                    control.add(c.get("table_name") + "." + c.get("column_name"));
                }
            });
        }
        assertThat(control).contains("code_mapping.local_code");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(uploaded.body().toString()).doesNotContain(secret);
            assertThat(again.body().toString()).doesNotContain(secret);
        }
    }

    @Test
    @Timeout(120)
    void postcodesLandInTheirLsoasWardsAndSectors() throws IOException {
        List<Postcode> directory = directory();
        List<Map<String, Object>> columns = List.of(column("postcode", "POSTCODE", null), column("contact_date", "CONTACT_DATE", null),
                column("need", "NEED", "support_need"));
        for (String grain : List.of("lsoa", "postcode_sector")) {
            String id = "test-intake-where-" + grain.replace('_', '-');
            Map<String, Object> intake = intake(id, COUNCIL, grain, "OPEN", columns);
            intake.put("needs", List.of("housing"));
            assertThat(admin().postJson("/api/v1/record-intakes", intake).status()).isIn(200, 201);
        }
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder file = new StringBuilder("postcode,contact_date,need\n");
        Map<String, Integer> lsoas = new TreeMap<>();
        Map<String, Integer> wards = new TreeMap<>();
        Map<String, Integer> sectors = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            Postcode p = directory.get(random.nextInt(directory.size()));
            file.append(p.pcds()).append(",2023-05-01,housing\n");
            lsoas.merge(p.lsoa(), 1, Integer::sum);
            wards.merge(p.ward(), 1, Integer::sum);
            sectors.merge(p.sector(), 1, Integer::sum);
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(api("demo-steward").post("/api/v1/record-intakes/test-intake-where-lsoa/records", bytes, "text/csv").status()).isEqualTo(201);
        Api.Response bySector = api("demo-steward").post("/api/v1/record-intakes/test-intake-where-postcode-sector/records", bytes, "text/csv");
        assertThat(bySector.status()).as(bySector.body().toString()).isEqualTo(201);

        assertThat(nonZero(counts("test-intake-where-lsoa-housing", "lsoa"))).isEqualTo(lsoas);
        assertThat(nonZero(counts("test-intake-where-lsoa-housing", "ward"))).isEqualTo(wards);
        assertThat(nonZero(counts("test-intake-where-postcode-sector-housing", "postcode_sector"))).isEqualTo(sectors);
    }

    @Test
    void anUnmappedLocalEthnicityCodeRefusesTheFileUntilItIsMapped() {
        int icb = organisations.idOf("demo-wessex-icb").orElseThrow();
        apiKeys.register("test-intake-icb-steward", "test", icb, Role.STEWARD);
        Api steward = api("test-intake-icb-steward");
        Map<String, Object> intake = intake("test-intake-mapping", "demo-wessex-icb", "lsoa", "OPEN", List.of(
                column("postcode", "POSTCODE", null), column("contact_date", "CONTACT_DATE", null),
                column("ethnic", "CHARACTERISTIC", "ethnicity"), column("need", "NEED", "support_need")));
        intake.put("needs", List.of("mental_health"));
        assertThat(steward.postJson("/api/v1/record-intakes", intake).status()).isIn(200, 201);
        String postcode = directory().get(3).pcds();
        byte[] file = ("postcode,contact_date,ethnic,need\n" + postcode + ",2023-05-01,W1,mental_health\n" + postcode
                + ",2023-05-02,ZQX,mental_health\n" + postcode + ",2023-05-03,,mental_health\n"
                // a row with a bad date and the unmapped code: the gap is reported all the same
                + postcode + ",31/02/2023,ZQX,mental_health\n").getBytes(StandardCharsets.UTF_8);

        Api.Response refused = steward.post("/api/v1/record-intakes/test-intake-mapping/records", file, "text/csv");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors")).hasSize(2);
        assertThat(refused.body().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(refused.body().at("/errors/1/line").asInt()).isEqualTo(5);
        assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("ethnic");
        assertThat(refused.body().at("/errors/0/code").asString()).isEqualTo("ZQX");
        assertThat(refused.body().toString()).doesNotContain(postcode);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM release r JOIN indicator i ON i.id = r.indicator_id "
                + "WHERE i.slug = 'test-intake-mapping-mental-health'", Integer.class)).isZero();

        Api.Response mapped = steward.post("/api/v1/codelists/ethnicity/mappings",
                "organisation,local_code,standard_code\ndemo-wessex-icb,ZQX,O2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(mapped.status()).isEqualTo(200);
        assertThat(api().data("{ codelist(type: \"ethnicity\") { mappings(organisation: \"demo-wessex-icb\") { localCode standardCode } } }",
                Map.of()).at("/codelist/mappings/0/standardCode").asString()).isEqualTo("O2");
        Api.Response loaded = steward.post("/api/v1/record-intakes/test-intake-mapping/records", file, "text/csv");
        assertThat(loaded.status()).as(loaded.body().toString()).isEqualTo(201);
        assertThat(loaded.body().get("rowsAccepted").asInt()).isEqualTo(3);
        assertThat(loaded.body().at("/rejections/0/line").asInt()).isEqualTo(5);
        assertThat(loaded.body().at("/rejections/0/field").asString()).isEqualTo("contact_date");
        assertThat(loaded.body().at("/unknownPercent/ethnicity").asDouble()).isEqualTo(33.3);
    }

    @Test
    void everyEndpointRefusesWhoeverMayNotUseIt() {
        int police = organisations.idOf("demo-wessex-police").orElseThrow();
        int voluntary = organisations.idOf("demo-wessex-voluntary").orElseThrow();
        apiKeys.register("test-intake-police-steward", "test", police, Role.STEWARD);
        apiKeys.register("test-intake-voluntary-partner", "test", voluntary, Role.PARTNER);
        List<Map<String, Object>> columns = List.of(column("postcode", "POSTCODE", null), column("contact_date", "CONTACT_DATE", null),
                column("need", "NEED", "support_need"));
        Map<String, Object> intake = intake("test-intake-refusals", COUNCIL, "lsoa", "OPEN", columns);
        intake.put("needs", List.of("housing"));
        intake.put("parties", List.of("demo-wessex-voluntary"));
        List<Api> mayNot = List.of(api(), api("demo-partner"), api("demo-analyst"), api("test-intake-police-steward"));
        for (Api caller : mayNot) {
            assertThat(caller.postJson("/api/v1/record-intakes", intake).status()).isIn(401, 403);
        }
        assertThat(api("demo-steward").postJson("/api/v1/record-intakes", intake).status()).isEqualTo(201);
        assertThat(api("demo-steward").postJson("/api/v1/record-intakes", intake).status()).isEqualTo(200);

        byte[] file = ("postcode,contact_date,need\n" + directory().get(8).pcds() + ",2023-05-01,housing\n").getBytes(StandardCharsets.UTF_8);
        for (Api caller : mayNot) {
            assertThat(caller.post("/api/v1/record-intakes/test-intake-refusals/records", file, "text/csv").status()).isIn(401, 403);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM record_intake_upload u JOIN record_intake i ON i.id = u.intake_id "
                + "WHERE i.code = 'test-intake-refusals'", Integer.class)).isZero();
        // A partner of an organisation party to the intake may upload.
        assertThat(api("test-intake-voluntary-partner").post("/api/v1/record-intakes/test-intake-refusals/records", file, "text/csv")
                .status()).isEqualTo(201);

        byte[] mapping = (COUNCIL + ",LOCAL1,W1\n").getBytes(StandardCharsets.UTF_8);
        byte[] mappings = ("organisation,local_code,standard_code\n" + new String(mapping, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        for (Api caller : List.of(api(), api("demo-partner"), api("demo-analyst"), api("test-intake-police-steward"))) {
            assertThat(caller.post("/api/v1/codelists/ethnicity/mappings", mappings, "text/csv").status()).isIn(401, 403);
        }
        assertThat(api().data("{ codelist(type: \"ethnicity\") { mappings(organisation: \"" + COUNCIL + "\") { localCode } } }", Map.of())
                .at("/codelist/mappings").toString()).doesNotContain("LOCAL1");
        assertThat(admin().post("/api/v1/codelists/ethnicity/mappings", mappings, "text/csv").status()).isEqualTo(200);

        Map<String, Object> codelist = Map.of("code", "test_intake_list", "name", "Test list", "definition", "A test list",
                "source", "This test", "values", List.of(Map.of("code", "a", "label", "A"), Map.of("code", "z", "label", "Not stated",
                        "unknown", true)));
        for (Api caller : List.of(api(), api("demo-partner"), api("demo-analyst"), api("demo-steward"))) {
            assertThat(caller.postJson("/api/v1/codelists", codelist).status()).isIn(401, 403);
        }
    }

    private Map<String, Integer> counts(String indicator, String level) {
        JsonNode edges = api("demo-steward").data(OBSERVATIONS, Map.of("indicator", indicator, "level", level, "period", PERIOD))
                .at("/observations/edges");
        Map<String, Integer> counts = new TreeMap<>();
        edges.forEach(e -> {
            assertThat(e.at("/node/disclosure/status").asString()).isEqualTo("EXACT");
            counts.put(e.at("/node/area/code").asString(), e.at("/node/count").asInt());
        });
        return counts;
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
        Map<String, Integer> result = new TreeMap<>(counts);
        result.values().removeIf(v -> v == 0);
        return result;
    }

    private static Map<String, Object> intake(String id, String organisation, String grain, String disclosureClass,
                                              List<Map<String, Object>> columns) {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("id", id);
        intake.put("organisation", organisation);
        intake.put("title", "Test contacts " + id);
        intake.put("columns", columns);
        intake.put("needs", PUBLISHED_NEEDS);
        intake.put("periodRule", "FINANCIAL_YEAR");
        intake.put("grain", grain);
        intake.put("disclosureClass", disclosureClass);
        intake.put("contributionBound", BOUND);
        return intake;
    }

    private static Map<String, Object> column(String name, String role, String codelist) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("role", role);
        if (codelist != null) {
            column.put("codelist", codelist);
        }
        return column;
    }

    static List<Postcode> directory() {
        try {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(new DemoDataSet().postcodeDirectoryCsv(), StandardCharsets.UTF_8))).getRecords();
            return rows.stream().map(r -> new Postcode(r.get("pcds"), r.get("lsoa21"), r.get("osward"), !r.get("doterm").isBlank())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
