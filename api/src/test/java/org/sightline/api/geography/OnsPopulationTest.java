package org.sightline.api.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.api.Api;
import org.sightline.api.SharedData;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test on real data: the ONS lookups and the IoD2019 mid-2015 population of every
 * English LSOA go in through the public endpoints; ward and region populations come out of GraphQL
 * and must equal sums this test computes itself from the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnsPopulationTest extends SightlineTest {

    private static final String INDICATOR = "ons-population-mid2015";
    private Path data;

    @BeforeAll
    void importGeographyAndPopulation() throws IOException {
        data = SharedData.require();
        for (String file : List.of("ward19_lad19_cty19_rgn19_ctry19.csv", "lsoa11_ward19_lad19.csv", "lad19_cauth19.csv")) {
            Api.Response report = admin().post("/api/v1/geography", Files.readAllBytes(data.resolve("ons").resolve(file)), "text/csv");
            assertThat(report.status()).as(file).isEqualTo(200);
            assertThat(report.body().get("rejectedRows")).as(file).isEmpty();
        }
        Api.Response indicator = admin().postJson("/api/v1/indicators", Map.of(
                "id", INDICATOR, "title", "Total population, mid 2015 (excluding prisoners)",
                "definition", "Mid-2015 population estimate excluding prisoners, the IoD2019 denominator.",
                "unit", "persons", "measureType", "ADDITIVE_COUNT", "polarity", "NO_JUDGEMENT", "disclosureClass", "OPEN",
                "source", "MHCLG English Indices of Deprivation 2019, File 6", "licence", "Open Government Licence v3.0",
                "characteristicTypes", List.of()));
        assertThat(indicator.status()).isIn(200, 201);
        Api.Response release = admin().post("/api/v1/indicators/" + INDICATOR + "/releases", populationRelease(), "text/csv");
        assertThat(release.status()).as(release.body().toString()).isIn(200, 201);
        assertThat(release.body().get("rows").asInt()).isEqualTo(32_844);
    }

    @Test
    void everyTraffordWardHasThePopulationOfItsLsoas() throws IOException {
        Map<String, Long> population = lsoaPopulation();
        Map<String, Long> expected = new TreeMap<>();
        for (CSVRecord r : csv(data.resolve("ons/lsoa11_ward19_lad19.csv"))) {
            if (r.get("LAD19CD").equals("E08000009")) {
                expected.merge(r.get("WD19CD"), population.get(r.get("LSOA11CD")), Long::sum);
            }
        }
        Map<String, Long> actual = countsByArea(Map.of("within", "E08000009", "level", "ward"));

        assertThat(expected).hasSize(21);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void rankingTraffordsWardsByPopulationFollowsTheOrderOfTheFiles() throws IOException {
        Map<String, Long> population = lsoaPopulation();
        Map<String, Long> byWard = new HashMap<>();
        for (CSVRecord r : csv(data.resolve("ons/lsoa11_ward19_lad19.csv"))) {
            if (r.get("LAD19CD").equals("E08000009")) {
                byWard.merge(r.get("WD19CD"), population.get(r.get("LSOA11CD")), Long::sum);
            }
        }
        List<String> expected = byWard.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        JsonNode ranking = api().data("""
                { rank(query: {indicator: "ons-population-mid2015", areas: {within: "E08000009", level: "ward"}}) {
                    rank quintile observation { area { code } count } } }""", Map.of()).get("rank");
        List<String> actual = new java.util.ArrayList<>();
        ranking.forEach(r -> actual.add(r.at("/observation/area/code").asString()));
        assertThat(actual).isEqualTo(expected);
        assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get(0).get("quintile").asInt()).isEqualTo(1);
        assertThat(ranking.get(20).get("rank").asInt()).isEqualTo(21);
        assertThat(ranking.get(20).get("quintile").asInt()).isEqualTo(5);
    }

    @Test
    void theNineRegionsSumToEnglandsTotal() throws IOException {
        Map<String, String> regionOfDistrict = new HashMap<>();
        for (CSVRecord r : csv(data.resolve("ons/ward19_lad19_cty19_rgn19_ctry19.csv"))) {
            regionOfDistrict.put(r.get("LAD19CD"), r.get("RGN19CD"));
        }
        Map<String, Long> expected = new TreeMap<>();
        long england = 0;
        for (CSVRecord r : populationFile()) {
            long people = parseCount(r.get(4));
            england += people;
            expected.merge(regionOfDistrict.get(r.get(2)), people, Long::sum);
        }
        Map<String, Long> actual = countsByArea(Map.of("within", "E92000001", "level", "region"));

        assertThat(actual).hasSize(9).isEqualTo(expected);
        assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(england);
        assertThat(countsByArea(Map.of("codes", List.of("E92000001")))).containsExactly(Map.entry("E92000001", england));
    }

    @Test
    void combinedAuthoritiesRollUpThroughTheirOwnHierarchy() throws IOException {
        Map<String, Long> byDistrict = new HashMap<>();
        for (CSVRecord r : populationFile()) {
            byDistrict.merge(r.get(2), parseCount(r.get(4)), Long::sum);
        }
        long greaterManchester = 0;
        for (CSVRecord r : csv(data.resolve("ons/lad19_cauth19.csv"))) {
            if (r.get("CAUTH19CD").equals("E47000001")) {
                greaterManchester += byDistrict.get(r.get("LAD19CD"));
            }
        }
        assertThat(countsByArea(Map.of("codes", List.of("E47000001")))).containsExactly(Map.entry("E47000001", greaterManchester));
    }

    private Map<String, Long> countsByArea(Map<String, Object> areas) {
        JsonNode data = api().data("""
                query($areas: AreaSelector!) { observations(query: {indicator: "ons-population-mid2015", areas: $areas}, first: 10000) {
                  edges { node { area { code } period { code } count disclosure { status } } } } }""", Map.of("areas", areas));
        Map<String, Long> counts = new TreeMap<>();
        data.at("/observations/edges").forEach(e -> {
            assertThat(e.at("/node/period/code").asString()).isEqualTo("2015");
            counts.put(e.at("/node/area/code").asString(), e.at("/node/count").asLong());
        });
        return counts;
    }

    /** The release file a partner would send: one row per LSOA, the count exactly as published ("1,296"). */
    private byte[] populationRelease() throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("area_code", "period", "count").get())) {
            for (CSVRecord r : populationFile()) {
                printer.printRecord(r.get(0), "2015", r.get(4));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Long> lsoaPopulation() throws IOException {
        Map<String, Long> population = new HashMap<>();
        for (CSVRecord r : populationFile()) {
            population.put(r.get(0), parseCount(r.get(4)));
        }
        return population;
    }

    private List<CSVRecord> populationFile() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("imd2019/File_6_-_IoD2019_Population_Denominators.csv.gz")))) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    private static List<CSVRecord> parse(Reader reader) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }

    private static long parseCount(String published) {
        return Long.parseLong(published.replace(",", ""));
    }
}
