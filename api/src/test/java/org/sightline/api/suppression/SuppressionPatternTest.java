package org.sightline.api.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.observations.AnswerCache;
import org.sightline.api.StatementCounter;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.privacy.suppression.AdditiveTable;
import org.sightline.privacy.suppression.Relation;
import org.sightline.privacy.suppression.SecondarySuppression;
import org.sightline.privacy.suppression.SuppressionResult;
import org.sightline.privacy.suppression.SuppressionRule;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Suppression patterns are solved once per release and looked up by every question: a cell has
 * the same status whichever question reaches it, and a partner's question solves nothing.
 */
class SuppressionPatternTest extends SightlineTest {

    @Autowired
    AnswerCache answers;

    private static final String QUERY = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code type { code } } characteristics { type code } count disclosure { status } } } } }""";
    private static final String PERIOD = "2024";
    /**
     * SENSITIVE, rare events by sex: districts by sex hold small counts too, so the districts'
     * margins take part in the pattern (the demo's district counts are all large).
     */
    private static final String INDICATOR = "test-rare-events";
    private static final String TYPE = "sex";
    private static final long SEED = 7;
    private static final List<String> DISTRICTS = List.of("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005");

    @Autowired
    DSLContext db;

    @Test
    void aCellHasTheSameStatusInADistrictAWardAndAnExplicitCodesQuestion() {
        loadRareEvents();
        Api partner = api("demo-partner");
        Map<String, Boolean> districts = withheld(partner, Map.of("within", DemoDataSet.REGION, "level", "lad"));
        Map<String, Boolean> wards = withheld(partner, Map.of("within", DemoDataSet.REGION, "level", "ward"));
        List<String> someWards = wards.keySet().stream().map(key -> key.substring(0, key.indexOf('|'))).distinct().sorted()
                .limit(25).toList();
        List<String> codes = new ArrayList<>(DISTRICTS);
        codes.addAll(someWards);
        Map<String, Boolean> mixed = withheld(partner, Map.of("codes", codes));

        assertThat(mixed).hasSize(districts.size() + (int) wards.keySet().stream()
                .filter(key -> someWards.contains(key.substring(0, key.indexOf('|')))).count());
        mixed.forEach((key, isWithheld) -> {
            Boolean alone = districts.containsKey(key) ? districts.get(key) : wards.get(key);
            assertThat(isWithheld).as("status of %s asked among districts and wards vs on its own level", key).isEqualTo(alone);
        });
        assertThat(districts.values()).as("some district cells are withheld").contains(true);

        // The old design solved a district question on a table of districts only; show that it
        // would withhold different district cells than the answers now do, so the test above has
        // something to catch.
        SuppressionResult districtsOnly = new SecondarySuppression().apply(districtTable(), SuppressionRule.threshold(5));
        long differing = districts.entrySet().stream()
                .filter(cell -> districtsOnly.isSuppressed(cell.getKey()) != cell.getValue())
                .count();
        assertThat(differing).as("district cells whose status a districts-only table would change").isPositive();
        System.out.printf("%d of %d district cells would differ under a per-question districts-only table%n", differing,
                districts.size());
    }

    @Test
    void aPartnersQuestionReadsTheStoredPatternAndSolvesNoTable() {
        int indicator = db.fetchOne("select id from indicator where slug = ?", DemoDataSet.SERVICE_CONTACTS).get(0, Integer.class);
        int periods = db.fetchOne("select count(distinct rp.period_id) from release_period rp join release r on r.id = rp.release_id "
                + "where r.indicator_id = ? and r.status = 'PUBLISHED'", indicator).get(0, Integer.class);
        assertThat(db.fetchOne("select count(*) from suppression_pattern where indicator_id = ? and table_kind = 'ward'", indicator)
                .get(0, Integer.class)).as("one ward table per period of the demo's one country").isEqualTo(periods);
        assertThat(db.fetchOne("select count(*) from suppressed_cell c join suppression_pattern p on p.id = c.pattern_id "
                + "where p.indicator_id = ?", indicator).get(0, Integer.class)).isPositive();

        Map<String, Object> question = question(DemoDataSet.SERVICE_CONTACTS, Map.of("within", "Z08000003", "level", "ward"));
        question.put("breakdown", List.of("need", "sex"));
        question.put("periods", Map.of("codes", List.of("2023/24")));
        assertThat(api("demo-partner").data(QUERY, Map.of("q", question)).at("/observations/edges")).isNotEmpty();
        StatementCounter.reset();
        api("demo-partner").data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("statements of a partner's question")
                .noneMatch(SuppressionPatternTest::solvesATable);
    }

    @Test
    void aMissingPatternIsSolvedOnceAtQuestionTimeAndThenLookedUp() {
        int indicator = db.fetchOne("select id from indicator where slug = ?", DemoDataSet.SERVICE_CONTACTS).get(0, Integer.class);
        Map<String, Object> question = question(DemoDataSet.SERVICE_CONTACTS, Map.of("within", "Z08000002", "level", "ward"));
        question.put("breakdown", List.of("need", "sex"));
        question.put("periods", Map.of("codes", List.of("2023/24")));
        Api partner = api("demo-partner");
        JsonNode before = partner.data(QUERY, Map.of("q", question));
        assertThat(before.at("/observations/edges")).isNotEmpty();
        // As if the policy matrix had been reconfigured since the release was published (which
        // takes a restart, so remembered answers are gone too).
        db.execute("delete from suppression_pattern where indicator_id = ? and table_kind = 'ward'", indicator);
        answers.clear();

        StatementCounter.reset();
        JsonNode solvedNow = partner.data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("the missing pattern is solved").anyMatch(SuppressionPatternTest::solvesATable);
        assertThat(solvedNow).as("and gives the same answer as the pattern solved at publication").isEqualTo(before);
        assertThat(db.fetchOne("select count(*) from suppression_pattern where indicator_id = ? and table_kind = 'ward'", indicator)
                .get(0, Integer.class)).isPositive();

        StatementCounter.reset();
        partner.data(QUERY, Map.of("q", question));
        assertThat(StatementCounter.statements()).as("once stored, it is only looked up").noneMatch(SuppressionPatternTest::solvesATable);
    }

    /** The margin table's CUBE, the area links of its relations, or a pattern being written. */
    private static boolean solvesATable(String sql) {
        String lower = sql.toLowerCase();
        return lower.contains("cube(") || lower.contains("\"area_link\".\"hierarchy\"") || lower.contains("insert into \"suppression_pattern\"")
                || lower.contains("insert into \"suppressed_cell\"");
    }

    /** Whether each cell (area|decile, "total" for the margin) is withheld, with and without the breakdown. */
    private Map<String, Boolean> withheld(Api caller, Map<String, Object> areas) {
        Map<String, Boolean> withheld = new LinkedHashMap<>();
        for (List<String> breakdown : List.of(List.<String>of(), List.of(TYPE))) {
            Map<String, Object> q = question(INDICATOR, areas);
            q.put("breakdown", breakdown);
            for (JsonNode edge : caller.data(QUERY, Map.of("q", q)).at("/observations/edges")) {
                JsonNode node = edge.get("node");
                String key = key(node);
                Boolean before = withheld.put(key, node.get("count").isNull());
                assertThat(before).as("%s answered once", key).isNull();
            }
        }
        return withheld;
    }

    /** The true table a districts-only question used to be suppressed on, from the owning steward's exact answers. */
    private AdditiveTable districtTable() {
        Map<String, Long> counts = new HashMap<>();
        List<String> areas = new ArrayList<>(List.of(DemoDataSet.COUNTRY, DemoDataSet.REGION));
        areas.addAll(DISTRICTS);
        List<String> values = new ArrayList<>(List.of("total"));
        for (List<String> breakdown : List.of(List.<String>of(), List.of(TYPE))) {
            Map<String, Object> q = question(INDICATOR, Map.of("codes", areas));
            q.put("breakdown", breakdown);
            for (JsonNode edge : api(steward()).data(QUERY, Map.of("q", q)).at("/observations/edges")) {
                String key = key(edge.get("node"));
                counts.put(key, edge.at("/node/count").asLong());
                String value = key.substring(key.indexOf('|') + 1);
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (String value : values) {
            String suffix = "|" + value;
            if (counts.containsKey(DemoDataSet.COUNTRY + suffix)) {
                relations.add(Relation.of(DemoDataSet.COUNTRY + suffix, DemoDataSet.REGION + suffix));
                relations.add(new Relation(DemoDataSet.REGION + suffix,
                        DISTRICTS.stream().map(d -> d + suffix).filter(counts::containsKey).toList()));
            }
        }
        for (String area : areas) {
            relations.add(new Relation(area + "|total", values.stream().filter(v -> !v.equals("total")).map(v -> area + "|" + v)
                    .filter(counts::containsKey).toList()));
        }
        return new AdditiveTable(counts, relations);
    }

    /** One or two events in a few percent of the LSOAs, by sex, released by the owning steward. */
    private void loadRareEvents() {
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("id", INDICATOR);
        indicator.put("title", "Rare events by sex (test)");
        indicator.put("definition", "Random rare events");
        indicator.put("unit", "people");
        indicator.put("measureType", "ADDITIVE_COUNT");
        indicator.put("polarity", "NO_JUDGEMENT");
        indicator.put("disclosureClass", "SENSITIVE");
        indicator.put("source", "test");
        indicator.put("licence", "test");
        indicator.put("characteristicTypes", List.of(TYPE));
        assertThat(api(steward()).postJson("/api/v1/indicators", indicator).status()).isIn(200, 201);
        java.util.Random random = new java.util.Random(SEED);
        StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
        for (int lsoa = 1; lsoa <= 600; lsoa++) {
            for (String sex : List.of("F", "M")) {
                int count = random.nextInt(100) < 4 ? 1 + random.nextInt(2) : 0;
                csv.append(String.format("Z01%06d", lsoa)).append(',').append(PERIOD).append(',').append(sex).append(',').append(count)
                        .append('\n');
            }
        }
        assertThat(api(steward()).post("/api/v1/indicators/" + INDICATOR + "/releases",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").status()).isIn(200, 201);
    }

    private String steward() {
        return "demo-steward";
    }

    private static Map<String, Object> question(String indicator, Map<String, Object> areas) {
        Map<String, Object> q = new HashMap<>();
        q.put("indicator", indicator);
        q.put("areas", areas);
        q.put("periods", Map.of("codes", List.of(PERIOD)));
        return q;
    }

    private static String key(JsonNode node) {
        String value = "total";
        for (JsonNode c : node.get("characteristics")) {
            if (c.get("type").asString().equals(TYPE)) {
                value = c.get("code").asString();
            }
        }
        return node.at("/area/code").asString() + "|" + value;
    }
}
