package org.sightline.api.privacy.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import tools.jackson.databind.JsonNode;

/**
 * Attack 2 of issue 9: a characteristic whose value is a function of the area acts as geography.
 * In a ward, each IMD decile is often a single LSOA, so "ward by IMD decile" is a table of LSOA
 * cells - which an analyst (exact to ward, suppression below) and partners are refused when they
 * ask for LSOAs directly. The release shows the decile is one value per LSOA, so the type is
 * marked and every breakdown or filter by it is judged at the grain it isolates.
 */
class AreaDerivedCharacteristicAttackTest extends SightlineTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.jooq.DSLContext db;

    private static final Map<String, Object> WARDS_BY_DECILE = Map.of("indicator", DemoDataSet.CARE_HOME_ADMISSIONS,
            "areas", Map.of("within", "Z08000001", "level", "ward"), "breakdown", List.of("imd_decile"));

    @Test
    void wardByDecileIsATableOfLsoaCellsSoTheAttackWouldWork() {
        // With exact values (the owning steward may see LSOAs): which LSOAs make each ward x decile cell.
        JsonNode lsoas = api("demo-steward").data("""
                { observations(query: {indicator: "demo-care-home-admissions", areas: {within: "Z08000001", level: "lsoa"},
                                       breakdown: ["imd_decile"]}, first: 10000) {
                    edges { node { area { code parent(type: "ward") { code } } characteristics { code } count } } } }""", Map.of());
        Map<String, List<Long>> lsoaCountsByWardAndDecile = new HashMap<>();
        lsoas.at("/observations/edges").forEach(e -> lsoaCountsByWardAndDecile.computeIfAbsent(
                e.at("/node/area/parent/code").asString() + "|" + e.at("/node/characteristics/0/code").asString(),
                k -> new java.util.ArrayList<>()).add(e.at("/node/count").asLong()));
        long singleLsoaCells = 0;
        for (JsonNode row : Answers.rows(api("demo-steward"), WARDS_BY_DECILE)) {
            String key = row.at("/area/code").asString() + "|" + row.at("/characteristics/0/code").asString();
            List<Long> parts = lsoaCountsByWardAndDecile.get(key);
            if (parts != null && parts.size() == 1) {
                assertThat(row.get("count").asLong()).isEqualTo(parts.get(0));
                singleLsoaCells++;
            }
        }
        assertThat(singleLsoaCells).as("ward x decile cells that are one LSOA").isGreaterThan(20);
    }

    @Test
    void theDecileIsMarkedAsACharacteristicOfTheAreaWhenTheReleaseShowsOneValuePerArea() {
        Map<String, Boolean> marked = db.fetch("select code, area_derived from characteristic_type").stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.get(0, String.class), r -> r.get(1, Boolean.class)));
        assertThat(marked).containsEntry("imd_decile", true).containsEntry("sex", false).containsEntry("need", false)
                .containsEntry("age_band", false);
    }

    @Test
    void anAdministratorMayDeclareACharacteristicOfTheAreaAndTheMarkIsNeverRemoved() {
        Map<String, Object> type = new HashMap<>(Map.of("code", "rural_urban_test", "name", "Rural or urban",
                "values", List.of(Map.of("code", "R", "label", "Rural"), Map.of("code", "U", "label", "Urban")), "areaDerived", true));
        assertThat(admin().postJson("/api/v1/characteristic-types", type).status()).isIn(200, 201);
        type.put("areaDerived", false);
        assertThat(admin().postJson("/api/v1/characteristic-types", type).status()).isEqualTo(200);
        assertThat(db.fetchOne("select area_derived from characteristic_type where code = 'rural_urban_test'").get(0, Boolean.class))
                .isTrue();
    }

    @Test
    void analystsPartnersAndThePublicAreRefusedWardByDecileBeforeAnythingIsRead() {
        for (String key : new String[] {"demo-analyst", "demo-partner", null}) {
            JsonNode refused = Answers.response(key == null ? api() : api(key), WARDS_BY_DECILE);
            assertThat(refused.at("/errors/0/extensions/classification").asString()).as(String.valueOf(key)).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/message").asString()).contains("imd_decile");
        }
    }

    @Test
    void aFilterOnOneDecileIsTheSameBackDoorAndIsRefusedToo() {
        Map<String, Object> filtered = new HashMap<>(WARDS_BY_DECILE);
        filtered.remove("breakdown");
        filtered.put("filter", List.of(Map.of("type", "imd_decile", "values", List.of("3"))));
        assertThat(Answers.refusal(api("demo-analyst"), filtered)).isEqualTo("FORBIDDEN");
        assertThat(Answers.refusal(api(), filtered)).isEqualTo("FORBIDDEN");
    }

    @Test
    void withoutTheDecileTheSameWardsAreAnsweredAsBefore() {
        Map<String, Object> wards = new HashMap<>(WARDS_BY_DECILE);
        wards.remove("breakdown");
        assertThat(Answers.rows(api("demo-analyst"), wards)).hasSize(20)
                .allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT"));
        assertThat(Answers.rows(api(), wards)).hasSize(20)
                .allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("NOISED"));
    }

    @Test
    void anOpenIndicatorByDecileStaysExactForEveryone() {
        Map<String, Object> open = Map.of("indicator", DemoDataSet.ADMISSIONS_BY_DEPRIVATION,
                "areas", Map.of("within", "Z08000001", "level", "ward"), "breakdown", List.of("imd_decile"));
        assertThat(Answers.rows(api(), open)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.at("/disclosure/status").asString()).isEqualTo("EXACT"));
    }
}
