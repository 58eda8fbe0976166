package org.sightline.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.privacy.suppression.LinearProgrammingAttacker;
import tools.jackson.databind.JsonNode;

/**
 * A partner attacks suppression the way a capable analyst would: it asks every table it is
 * allowed to (wards, districts, region and country, each with and without the sex breakdown),
 * writes every published cell as a linear equation over the unknown ward x sex counts, and solves
 * linear programmes for the smallest and largest value each withheld cell can take. No withheld
 * cell may be pinned down. The attacker (privacy's test LinearProgrammingAttacker) uses only
 * published values and how areas nest, never the engine's logic.
 */
class SuppressionAttackTest extends SightlineTest {

    private static final String INDICATOR = "test-small-counts";
    private static final List<String> LEVELS = List.of("country", "region", "lad", "ward");
    private static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code type { code } parent(type: "lad") { code } } characteristics { code } count disclosure { status reason } } } } }""";

    @Test
    void noWithheldCellCanBeRecoveredFromEverythingAPartnerCanAsk() {
        loadSmallCounts();
        attack(INDICATOR, "2024", Map.of("sex", List.of("F", "M")));
    }

    @Test
    void theDemoSensitiveIndicatorByNeedAndSexResistsTheSameAttack() {
        attack("demo-service-contacts", "2023/24", new LinkedHashMap<>(Map.of(
                "need", List.of("mental_health", "learning_disability", "physical_disability", "substance_misuse", "housing", "carer_support"),
                "sex", List.of("F", "M"))));
    }

    /**
     * Asks every table the partner may (every level from ward to country, every breakdown), then
     * attacks every withheld cell with linear programmes over the ward x characteristic cells.
     */
    private void attack(String indicator, String period, Map<String, List<String>> characteristics) {
        Api partner = api("demo-partner");
        List<String> types = new ArrayList<>(characteristics.keySet());
        Map<String, Long> published = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        List<String> wards = new ArrayList<>();
        Map<String, String> districtOfWard = new HashMap<>();
        for (String level : LEVELS) {
            for (List<String> breakdown : subsets(types)) {
                Map<String, Object> areas = level.equals("country") ? Map.of("codes", List.of("Z92000001"))
                        : Map.of("within", "Z92000001", "level", level);
                JsonNode edges = partner.data(QUERY, Map.of("q", Map.of("indicator", indicator, "areas", areas,
                        "breakdown", breakdown, "periods", Map.of("codes", List.of(period))))).at("/observations/edges");
                for (JsonNode edge : edges) {
                    JsonNode node = edge.get("node");
                    String area = node.at("/area/code").asString();
                    List<String> values = new ArrayList<>();
                    for (String type : types) {
                        int position = breakdown.indexOf(type);
                        values.add(position < 0 ? "total" : node.at("/characteristics/" + position + "/code").asString());
                    }
                    String key = area + "|" + String.join("|", values);
                    if (level.equals("ward") && breakdown.isEmpty()) {
                        wards.add(area);
                        districtOfWard.put(area, node.at("/area/parent/code").asString());
                    }
                    if (node.get("count").isNull()) {
                        assertThat(node.at("/disclosure/status").asString()).isEqualTo("SUPPRESSED");
                        suppressed.add(key);
                    } else {
                        Long before = published.put(key, node.get("count").asLong());
                        assertThat(before == null || before == node.get("count").asLong()).as("consistent %s", key).isTrue();
                    }
                }
            }
        }
        assertThat(wards).hasSize(100);
        assertThat(suppressed).as("the table has small counts to protect").hasSizeGreaterThan(10);
        assertThat(published.keySet()).doesNotContainAnyElementsOf(suppressed);

        Map<String, List<String>> coverage = new HashMap<>();
        for (String key : concat(published.keySet(), suppressed)) {
            coverage.put(key, covered(key, wards, districtOfWard, characteristics));
        }
        Map<String, LinearProgrammingAttacker.Interval> intervals = new LinearProgrammingAttacker(coverage, published)
                .attack(suppressed, 5);
        double narrowest = Double.MAX_VALUE;
        for (String cell : suppressed) {
            LinearProgrammingAttacker.Interval interval = intervals.get(cell);
            narrowest = Math.min(narrowest, interval.width());
            assertThat(interval.isPoint()).as("withheld cell %s is pinned to [%s, %s]", cell, interval.min(), interval.max()).isFalse();
        }
        System.out.printf("Suppression attack on %s: %d withheld cells, narrowest feasible range %.1f%n",
                indicator, suppressed.size(), narrowest);
    }

    private static List<List<String>> subsets(List<String> types) {
        List<List<String>> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << types.size(); mask++) {
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(types.get(i));
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The ward x characteristic cells that an area x characteristic cell adds up. */
    private static List<String> covered(String key, List<String> wards, Map<String, String> districtOfWard,
                                        Map<String, List<String>> characteristics) {
        String[] parts = key.split("\\|");
        String area = parts[0];
        List<List<String>> combinations = new ArrayList<>(List.of(List.of()));
        int slot = 1;
        for (List<String> values : characteristics.values()) {
            String wanted = parts[slot++];
            List<List<String>> extended = new ArrayList<>();
            for (List<String> combination : combinations) {
                for (String value : values) {
                    if (wanted.equals("total") || wanted.equals(value)) {
                        List<String> next = new ArrayList<>(combination);
                        next.add(value);
                        extended.add(next);
                    }
                }
            }
            combinations = extended;
        }
        List<String> finest = new ArrayList<>();
        for (String ward : wards) {
            if (area.equals(ward) || area.equals(districtOfWard.get(ward)) || area.equals("Z12000001") || area.equals("Z92000001")) {
                for (List<String> combination : combinations) {
                    finest.add(ward + "|" + String.join("|", combination));
                }
            }
        }
        return finest;
    }

    /** A SENSITIVE count by sex with many small cells, at LSOA level, released by the owning steward. */
    private void loadSmallCounts() {
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("id", INDICATOR);
        indicator.put("title", "Small counts for the suppression attack (test)");
        indicator.put("definition", "Random small counts");
        indicator.put("unit", "people");
        indicator.put("measureType", "ADDITIVE_COUNT");
        indicator.put("polarity", "NO_JUDGEMENT");
        indicator.put("disclosureClass", "SENSITIVE");
        indicator.put("source", "test");
        indicator.put("licence", "test");
        indicator.put("characteristicTypes", List.of("sex"));
        assertThat(api("demo-steward").postJson("/api/v1/indicators", indicator).status()).isIn(200, 201);
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
        for (int lsoa = 1; lsoa <= 600; lsoa++) {
            for (String sex : List.of("F", "M")) {
                int count = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3);
                csv.append(String.format("Z01%06d", lsoa)).append(",2024,").append(sex).append(',').append(count).append('\n');
            }
        }
        assertThat(api("demo-steward").post("/api/v1/indicators/" + INDICATOR + "/releases",
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv").status()).isIn(200, 201);
    }
}
