package org.sightline.api.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.api.Api;
import org.sightline.api.SharedData;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published TopoJSON boundaries: Trafford's 2013 wards (all still current in 2019) and 2011 LSOAs,
 * and Manchester's 2013 wards (redrawn by 2019, so every code must be reported unmatched);
 * served back as valid GeoJSON, simplified by zoom.
 */
class BoundaryImportTest extends SightlineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void traffordWardsAndLsoasImportAndUnmatchedCodesAreReported() throws Exception {
        Path data = SharedData.require();
        for (String lookup : List.of("ward19_lad19_cty19_rgn19_ctry19.csv", "lsoa11_ward19_lad19.csv")) {
            assertThat(admin().post("/api/v1/geography", Files.readAllBytes(data.resolve("ons").resolve(lookup)), "text/csv").status())
                    .isEqualTo(200);
        }
        Path wardsFile = data.resolve("boundaries/wards_E08000009_topo.json");
        Set<String> codesInFile = new TreeSet<>();
        JSON.readTree(Files.readAllBytes(wardsFile)).at("/objects/E08000009/geometries")
                .forEach(g -> codesInFile.add(g.at("/properties/WD13CD").asString()));
        Set<String> wards2019 = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(data.resolve("ons/ward19_lad19_cty19_rgn19_ctry19.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                wards2019.add(r.get("WD19CD"));
            }
        }
        Set<String> expectedUnmatched = new TreeSet<>(codesInFile);
        expectedUnmatched.removeAll(wards2019);

        Api.Response wards = admin().post("/api/v1/boundaries", Files.readAllBytes(wardsFile), "application/json");
        assertThat(wards.status()).isEqualTo(200);
        assertThat(wards.body().get("codeProperty").asString()).isEqualTo("WD13CD");
        assertThat(wards.body().get("features").asInt()).isEqualTo(codesInFile.size());
        Set<String> reportedUnmatched = new TreeSet<>();
        wards.body().get("unmatchedCodes").forEach(c -> reportedUnmatched.add(c.asString()));
        assertThat(reportedUnmatched).isEqualTo(expectedUnmatched);
        assertThat(wards.body().get("matched").asInt()).isEqualTo(codesInFile.size() - expectedUnmatched.size());

        Api.Response lsoas = admin().post("/api/v1/boundaries",
                Files.readAllBytes(data.resolve("boundaries/lsoa11_E08000009_topo.json")), "application/json");
        assertThat(lsoas.body().get("unmatchedCodes")).isEmpty();
        assertThat(lsoas.body().get("invalidFeatures")).isEmpty();
        assertThat(lsoas.body().get("matched").asInt()).isEqualTo(lsoas.body().get("features").asInt()).isGreaterThan(100);

        // Manchester's wards were redrawn between 2013 and 2019: its 2013 codes must all come back unmatched.
        Path manchester = data.resolve("boundaries/wards_E08000003_topo.json");
        Set<String> manchesterCodes = new TreeSet<>();
        JSON.readTree(Files.readAllBytes(manchester)).at("/objects").forEach(o -> o.get("geometries")
                .forEach(g -> manchesterCodes.add(g.at("/properties/WD13CD").asString())));
        Set<String> manchesterExpected = new TreeSet<>(manchesterCodes);
        manchesterExpected.removeAll(wards2019);
        Api.Response redrawn = admin().post("/api/v1/boundaries", Files.readAllBytes(manchester), "application/json");
        Set<String> manchesterReported = new TreeSet<>();
        redrawn.body().get("unmatchedCodes").forEach(c -> manchesterReported.add(c.asString()));
        assertThat(manchesterExpected).isNotEmpty();
        assertThat(manchesterReported).isEqualTo(manchesterExpected);
        assertThat(redrawn.body().get("matched").asInt()).isEqualTo(manchesterCodes.size() - manchesterExpected.size());

        String matchedWard = codesInFile.stream().filter(wards2019::contains).findFirst().orElseThrow();
        JsonNode area = api().data("query($code: String!) { area(code: $code) { boundary coarse: boundary(zoom: 9) } }",
                Map.of("code", matchedWard)).get("area");
        Geometry full = new GeoJsonReader().read(JSON.writeValueAsString(area.get("boundary")));
        Geometry coarse = new GeoJsonReader().read(JSON.writeValueAsString(area.get("coarse")));
        assertThat(full.getGeometryType()).isIn("Polygon", "MultiPolygon");
        assertThat(full.isValid()).isTrue();
        assertThat(coarse.isValid()).isTrue();
        assertThat(coarse.getNumPoints()).isLessThan(full.getNumPoints());
        // Trafford lies around 2.3 degrees west, 53.4 degrees north.
        assertThat(full.getEnvelopeInternal().getMinX()).isBetween(-2.6, -2.2);
        assertThat(full.getEnvelopeInternal().getMinY()).isBetween(53.3, 53.5);
        assertThat(admin().post("/api/v1/boundaries", "{\"type\":\"Point\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .status()).isEqualTo(400);
        assertThat(api("demo-partner").post("/api/v1/boundaries", Files.readAllBytes(wardsFile), "application/json").status())
                .isEqualTo(403);
    }
}
