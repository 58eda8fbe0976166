package org.sightline.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.bench.Scenario;

/**
 * The questions of issue 10 asked of the England-scale data set ({@link ScaleDataSet}), with the
 * number of rows each answer must hold worked out from the ONS lookup files themselves, so a
 * refused or truncated answer counts as a failure:
 * Q1 the wards of Trafford (OPEN), Q2 the wards of Trafford by need x sex (SENSITIVE), Q3 the
 * districts of the North West compared with England, Q4 every ward in England ranked, Q5 the
 * LSOAs of the North West by sex as CSV. Each carries the same answer as hand-written SQL
 * ({@link RawSqlQueries}) for the {@code --raw-sql} baseline.
 */
public final class ScaleScenarios {

    static final String TRAFFORD = "E08000009";
    static final String NORTH_WEST = "E12000002";
    static final String ENGLAND = "E92000001";

    private ScaleScenarios() {
    }

    /** The scenarios, given the folder holding {@code ons/}. */
    public static List<Scenario> all(Path data) throws IOException {
        Map<String, String[]> lsoas = new HashMap<>(); // LSOA -> {ward, district}
        for (List<String> row : rows(data.resolve("ons").resolve("lsoa11_ward19_lad19.csv"))) {
            if (row.get(1).startsWith("E01")) {
                lsoas.put(row.get(1), new String[] {row.get(3), row.get(5)});
            }
        }
        Map<String, String> regionOfDistrict = new HashMap<>();
        for (List<String> row : rows(data.resolve("ons").resolve("ward19_lad19_cty19_rgn19_ctry19.csv"))) {
            regionOfDistrict.put(row.get(3), row.get(7));
        }
        Set<String> traffordWards = new HashSet<>();
        Set<String> englishWards = new HashSet<>();
        Set<String> northWestDistricts = new HashSet<>();
        int northWestLsoas = 0;
        for (String[] place : lsoas.values()) {
            englishWards.add(place[0]);
            if (place[1].equals(TRAFFORD)) {
                traffordWards.add(place[0]);
            }
            if (NORTH_WEST.equals(regionOfDistrict.get(place[1]))) {
                northWestDistricts.add(place[1]);
                northWestLsoas++;
            }
        }
        String observations = """
                { observations(query: {indicator: "%s", areas: {within: "%s", level: "ward"}, breakdown: [%s]}, first: 10000) {
                    totalCount edges { node { area { code name } period { code } characteristics { code } value count lowerCI upperCI
                    disclosure { status } } } } }""";
        Scenario q1 = Scenario.graphQl("q1-trafford-wards", "Q1 observations: scale-population-1 (OPEN) of the " + traffordWards.size()
                                + " wards of Trafford, latest year",
                        observations.formatted("scale-population-1", TRAFFORD, ""), traffordWards.size(), "observations", "edges")
                        .withRawSql(RawSqlQueries.areaTotals("scale-population-1", TRAFFORD, "ward"), traffordWards.size());
        return List.of(
                q1,
                q1.overGetRevalidated("q1-trafford-wards-get-revalidated", "Q1 over GET, each client an HTTP cache that revalidates"
                        + " its copy with If-None-Match"),
                Scenario.graphQl("q2-trafford-wards-by-need-and-sex", "Q2 observations: scale-service-contacts (SENSITIVE) of the wards of"
                                + " Trafford by need x sex, latest year",
                        observations.formatted("scale-service-contacts", TRAFFORD, "\"need\", \"sex\""), traffordWards.size() * 12,
                        "observations", "edges")
                        .withRawSql(RawSqlQueries.wardsByNeedAndSex("scale-service-contacts", TRAFFORD), traffordWards.size() * 12),
                Scenario.graphQl("q3-north-west-compare", "Q3 compare: scale-population-3 of the " + northWestDistricts.size()
                                + " districts of the North West against England",
                        """
                        { compare(query: {indicator: "scale-population-3", areas: {within: "%s", level: "lad"}}, benchmark: "%s") {
                            outcome observation { area { code } value lowerCI upperCI } benchmark { value } } }"""
                                .formatted(NORTH_WEST, ENGLAND), northWestDistricts.size(), "compare")
                        .withRawSql(RawSqlQueries.compare("scale-population-3", NORTH_WEST, "lad", ENGLAND), northWestDistricts.size()),
                Scenario.graphQl("q4-rank-english-wards", "Q4 rank: scale-population-2 of all " + englishWards.size() + " wards of England",
                        "{ rank(query: {indicator: \"scale-population-2\", areas: {within: \"" + ENGLAND + "\", level: \"ward\"}}) "
                                + "{ rank quintile observation { area { code } value } } }", englishWards.size(), "rank")
                        .withRawSql(RawSqlQueries.rank("scale-population-2", ENGLAND, "ward"), englishWards.size()),
                Scenario.csv("q5-north-west-lsoas-csv", "Q5 CSV: scale-population-4 of the " + northWestLsoas + " LSOAs of the North West by sex",
                        "/api/v1/observations.csv?indicator=scale-population-4&within=" + NORTH_WEST + "&level=lsoa&breakdown=sex",
                        northWestLsoas * 2)
                        .withRawSql(RawSqlQueries.lsoasBySex("scale-population-4", NORTH_WEST), northWestLsoas * 2));
    }

    /** The records of a CSV file as published (quoted fields may hold commas), after its header. */
    static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }
}
