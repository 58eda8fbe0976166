package org.sightline.api.postcodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The postcode directory: the demo's ONSPD-layout directory is loaded at start, an NSPL file loads
 * as a new vintage with every bad row reported, and only an ADMIN loads one.
 */
class PostcodeDirectoryTest extends SightlineTest {

    private static final String VINTAGE = "{ postcodeDirectory { vintage vintageFrom fileFormat lsoaColumn postcodes terminated rejected sectors } }";

    @Autowired
    ApiKeys apiKeys;

    @Test
    void theDemoDirectoryIsLoadedWithItsVintageSectorsAndTerminatedPostcodes() throws IOException {
        List<CSVRecord> rows = rows(new String(new DemoDataSet().postcodeDirectoryCsv(), StandardCharsets.UTF_8));
        long terminated = rows.stream().filter(r -> !r.get("doterm").isBlank()).count();
        String latest = rows.stream().map(r -> r.get("dointr")).max(String::compareTo).orElseThrow();
        TreeSet<String> sectors = new TreeSet<>();
        rows.forEach(r -> sectors.add(sectorOf(r.get("pcds"))));

        JsonNode directory = api().data(VINTAGE, Map.of()).get("postcodeDirectory");
        assertThat(directory.get("vintage").asString()).isEqualTo(latest.substring(0, 4) + "-" + latest.substring(4));
        assertThat(directory.get("vintageFrom").asString()).isEqualTo("DOINTR");
        assertThat(directory.get("fileFormat").asString()).isEqualTo("ONSPD");
        assertThat(directory.get("lsoaColumn").asString()).isEqualTo("lsoa21");
        assertThat(directory.get("postcodes").asInt()).isEqualTo(rows.size());
        assertThat(directory.get("terminated").asLong()).isEqualTo(terminated).isPositive();
        assertThat(directory.get("sectors").asInt()).isEqualTo(sectors.size());

        JsonNode areas = api().data("{ areas(type: \"postcode_sector\", first: 1000) { totalCount edges { node { code "
                + "parent(type: \"country\") { code } } } } }", Map.of()).get("areas");
        List<String> codes = new ArrayList<>();
        areas.get("edges").forEach(e -> {
            codes.add(e.at("/node/code").asString());
            assertThat(e.at("/node/parent/code").asString()).isEqualTo(DemoDataSet.COUNTRY);
        });
        assertThat(codes).containsAll(sectors);
    }

    @Test
    void anNsplFileWithAnExplicitVintageReplacesTheDirectoryAndReportsEveryRejectedRow() throws IOException {
        List<CSVRecord> demo = rows(new String(new DemoDataSet().postcodeDirectoryCsv(), StandardCharsets.UTF_8));
        List<String> columns = List.of("pcd", "pcd2", "pcds", "dointr", "doterm", "usertype", "oseast1m", "osnrth1m", "osgrdind",
                "oa11", "cty", "ced", "laua", "ward", "parish", "hlthau", "nhser", "ctry", "rgn", "pcon", "lsoa11", "msoa11", "lat",
                "long", "oa21", "lsoa21", "msoa21");
        StringBuilder nspl = new StringBuilder(String.join(",", columns)).append('\n');
        int n = 0;
        long terminated = 0;
        for (CSVRecord r : demo.subList(0, 400)) {
            n++;
            terminated += r.get("doterm").isBlank() ? 0 : 1;
            for (String c : columns) {
                String v = switch (c) {
                    case "laua" -> r.get("oslaua");
                    case "ward" -> r.get("osward");
                    default -> r.isMapped(c) ? r.get(c) : "";
                };
                nspl.append(c.equals("pcd") ? "" : ",").append(v);
            }
            nspl.append('\n');
        }
        String blank = ",".repeat(columns.size() - 1);
        int malformedLine = n + 2;
        nspl.append("NOT A PC").append(blank).append('\n');
        int unknownLsoaLine = n + 3;
        nspl.append("WX9 9ZZ,WX9  9ZZ,WX9 9ZZ,202001,,0").append(",".repeat(columns.indexOf("lsoa21") - 5)).append("E01099999,")
                .append('\n');
        try {
            Api.Response response = admin().post("/api/v1/postcodes?vintage=NSPL_TEST_2024",
                    nspl.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(response.status()).isEqualTo(201);
            JsonNode report = response.body();
            assertThat(report.get("format").asString()).isEqualTo("NSPL");
            assertThat(report.get("vintage").asString()).isEqualTo("NSPL_TEST_2024");
            assertThat(report.get("vintageFrom").asString()).isEqualTo("PARAMETER");
            assertThat(report.get("loaded").asInt()).isEqualTo(n);
            assertThat(report.get("terminated").asLong()).isEqualTo(terminated);
            assertThat(report.get("rejected").asInt()).isEqualTo(2);
            assertThat(report.at("/rejections/0/line").asInt()).isEqualTo(malformedLine);
            assertThat(report.at("/rejections/0/reason").asString()).contains("not a postcode").doesNotContain("NOT A PC");
            assertThat(report.at("/rejections/1/line").asInt()).isEqualTo(unknownLsoaLine);
            assertThat(report.at("/rejections/1/reason").asString()).contains("E01099999").doesNotContain("WX9 9ZZ");

            JsonNode directory = api().data(VINTAGE, Map.of()).get("postcodeDirectory");
            assertThat(directory.get("vintage").asString()).isEqualTo("NSPL_TEST_2024");
            assertThat(directory.get("postcodes").asInt()).isEqualTo(n);
            JsonNode history = api().data("{ postcodeDirectoryHistory { vintage } }", Map.of()).get("postcodeDirectoryHistory");
            assertThat(history.get(0).get("vintage").asString()).isEqualTo("NSPL_TEST_2024");
        } finally {
            // The demo vintage again, for the other tests.
            Api.Response restored = admin().post("/api/v1/postcodes", new DemoDataSet().postcodeDirectoryCsv(), "text/csv");
            assertThat(restored.status()).isEqualTo(201);
            assertThat(restored.body().get("loaded").asInt()).isEqualTo(demo.size());
        }
    }

    @Test
    void onlyAnAdministratorLoadsTheDirectory() {
        int otherOrganisation = 1;
        apiKeys.register("test-postcodes-steward", "test", otherOrganisation, Role.STEWARD);
        String before = api().data(VINTAGE, Map.of()).at("/postcodeDirectory/vintage").asString();
        byte[] file = new DemoDataSet().postcodeDirectoryCsv();
        for (Api caller : List.of(api(), api("demo-partner"), api("demo-analyst"), api("demo-steward"), api("test-postcodes-steward"))) {
            assertThat(caller.post("/api/v1/postcodes?vintage=REFUSED", file, "text/csv").status()).isIn(401, 403);
        }
        assertThat(api().data(VINTAGE, Map.of()).at("/postcodeDirectory/vintage").asString()).isEqualTo(before);
    }

    static String sectorOf(String postcode) {
        String normalised = postcode.replace(" ", "");
        return normalised.substring(0, normalised.length() - 3) + " " + normalised.charAt(normalised.length() - 3);
    }

    static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }
}
