package org.sightline.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The differencing attack on custom geographies: define two areas that differ by one area (A =
 * {X, Y}, B = {Y}) and subtract their answers to learn X - typically a cell the privacy engine
 * withholds or noises. Each test first shows the attack works on exact values (the owning
 * steward's answers), then that the protected caller learns nothing from it: the public gets no
 * custom area of a sensitive indicator by any route, suppression roles are refused custom areas
 * (no suppression pattern fixed in advance can cover an area defined later), and noise roles get
 * consistent noise - the difference is off by the noise, and redefining the same set of cells
 * returns the same answer, so averaging gains nothing beyond what the ledger charges.
 */
class CustomAreaDifferencingAttackTest extends SightlineTest {

    private static final String DEFINE = """
            mutation($input: CustomGeographyInput!) { defineCustomGeography(input: $input) { id } }""";
    private static final String OBSERVATIONS = """
            query($q: ObservationQuery!) { observations(query: $q, first: 10000) { edges { node {
              area { code } period { code } characteristics { code } count disclosure { status rho } } } } }""";

    @Autowired
    ApiKeys apiKeys;
    @Autowired
    org.sightline.api.privacy.PrivacyLedger ledger;
    @Autowired
    DSLContext db;

    @Test
    void thePublicGetsNoCustomAreaOfASensitiveIndicatorByAnyRoute() throws Exception {
        List<String> wards = wardsOf("Z08000002");
        String a = define(api("demo-partner"), "A", List.of(wards.get(0), wards.get(1)));
        String b = define(api("demo-partner"), "B", List.of(wards.get(1)));
        String indicator = DemoDataSet.SERVICE_CONTACTS;

        // The attack is real: on exact values, A minus B is the ward that is not in B.
        Map<String, Long> exact = counts(api("demo-steward"), indicator, Map.of("codes", List.of(a, b, wards.get(0))), List.of());
        assertThat(exact.get(a + "|") - exact.get(b + "|")).isEqualTo(exact.get(wards.get(0) + "|"));

        for (Api anyone : List.of(api(), api("demo-admin"))) {
            List<JsonNode> answers = List.of(
                    anyone.graphql(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", Map.of("codes", List.of(a))))),
                    anyone.graphql(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", Map.of("customGeography", b)))),
                    anyone.graphql("query($q: ObservationQuery!) { rank(query: $q) { rank observation { count } } }",
                            Map.of("q", Map.of("indicator", indicator, "areas", Map.of("codes", List.of(a, b))))),
                    anyone.graphql("query($q: ObservationQuery!, $b: String) { compare(query: $q, benchmark: $b) { outcome benchmark { count } } }",
                            Map.of("q", Map.of("indicator", indicator, "areas", Map.of("codes", List.of(wards.get(1)))), "b", a)),
                    anyone.graphql("query($q: ObservationQuery!) { trend(query: $q) { change points { count } } }",
                            Map.of("q", Map.of("indicator", indicator, "areas", Map.of("customGeography", a)))),
                    anyone.graphql("""
                            query($areas: AreaSelector!) { overlay(x: "demo-service-contacts", y: "demo-population", areas: $areas, period: "2023/24") {
                              pairs { x { count } } } }""", Map.of("areas", Map.of("codes", List.of(a, b)))),
                    anyone.graphql("query($q: ObservationQuery!) { inequality(query: $q, by: \"imd_decile\") { groups { count } sii { value } } }",
                            Map.of("q", Map.of("indicator", DemoDataSet.CARE_HOME_ADMISSIONS, "areas", Map.of("codes", List.of(a, b))))));
            for (JsonNode answer : answers) {
                assertThat(answer.at("/errors/0/extensions/classification").asString()).as(answer.toString()).isEqualTo("FORBIDDEN");
                assertThat(answer.at("/errors/0/message").asString()).contains("custom geographies are not answered for the public");
                assertThat(answer.toString()).doesNotContain("\"count\"");
            }
        }
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/observations.csv?indicator=" + indicator + "&codes=" + a + "," + b)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).doesNotContain(wards.get(0));
    }

    @Test
    void aPartnerUnderSuppressionCannotDifferenceAWithheldWardOut() {
        String indicator = DemoDataSet.SERVICE_CONTACTS;
        Api partner = api("demo-partner");
        // A ward x need x sex cell the partner is refused: the target of the attack.
        List<String> breakdown = List.of("need", "sex");
        String[] target = null;
        for (JsonNode e : partner.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator,
                "areas", Map.of("within", DemoDataSet.REGION, "level", "ward"), "breakdown", breakdown))).at("/observations/edges")) {
            if (e.at("/node/disclosure/status").asString().equals("SUPPRESSED")) {
                target = new String[] {e.at("/node/area/code").asString(),
                        e.at("/node/characteristics/0/code").asString() + "|" + e.at("/node/characteristics/1/code").asString()};
                break;
            }
        }
        assertThat(target).as("the partner sees some ward x need x sex cells withheld").isNotNull();
        String ward = target[0];
        String cell = target[1];
        String district = api().data("query($c: String!) { area(code: $c) { parent(type: \"lad\") { code } } }", Map.of("c", ward))
                .at("/area/parent/code").asString();
        String neighbour = wardsOf(district).stream().filter(w -> !w.equals(ward)).findFirst().orElseThrow();
        String a = define(partner, "Target and neighbour", List.of(ward, neighbour));
        String b = define(partner, "Neighbour", List.of(neighbour));

        Map<String, Long> exact = counts(api("demo-steward"), indicator, Map.of("codes", List.of(a, b, ward)), breakdown);
        assertThat(exact.get(a + "|" + cell) - exact.get(b + "|" + cell)).isEqualTo(exact.get(ward + "|" + cell));

        for (String custom : List.of(a, b)) {
            JsonNode refused = partner.graphql(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator,
                    "areas", Map.of("codes", List.of(custom)), "breakdown", breakdown)));
            assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/message").asString()).contains("suppression").contains("ask for the standard areas");
            assertThat(refused.toString()).doesNotContain("\"count\"");
        }
        // The standard wards inside a custom area are still answered, with the same suppression as ever.
        JsonNode inside = partner.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator,
                "areas", Map.of("within", a, "level", "ward"), "breakdown", breakdown)));
        boolean targetStillWithheld = false;
        for (JsonNode e : inside.at("/observations/edges")) {
            String found = e.at("/node/characteristics/0/code").asString() + "|" + e.at("/node/characteristics/1/code").asString();
            if (e.at("/node/area/code").asString().equals(ward) && found.equals(cell)) {
                targetStillWithheld = e.at("/node/count").isNull();
            }
        }
        assertThat(targetStillWithheld).isTrue();
    }

    @Test
    void underNoiseTheDifferenceIsOffByTheNoiseAndRedefiningTheSameCellsGainsNothing() {
        String indicator = DemoDataSet.SAFEGUARDING_CONCERNS;
        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        String key = "custom-area-attacker";
        String callerId = "key:" + apiKeys.register(key, "differencing attacker", police, Role.PARTNER);
        ledger.setBudget(callerId, 100);
        Api attacker = api(key);
        List<String> districts = new ArrayList<>();
        api().data("{ area(code: \"Z12000001\") { children(type: \"lad\") { code } } }", Map.of())
                .at("/area/children").forEach(c -> districts.add(c.get("code").asString()));
        districts.removeIf(code -> !code.startsWith("Z08")); // other tests add districts of their own
        assertThat(districts).hasSize(5);
        Map<String, Object> allYears = Map.of("from", "2021/22", "to", "2023/24");

        Map<String, Long> truth = counts(api("demo-steward"), indicator, Map.of("codes", districts), List.of("sex"), allYears);
        int targets = 0;
        int recovered = 0;
        double absoluteError = 0;
        double charged = 0;
        for (int i = 0; i < districts.size(); i++) {
            String x = districts.get(i);
            String y = districts.get((i + 1) % districts.size());
            String a = define(attacker, "X and Y " + i, List.of(x, y));
            String b = define(attacker, "Y " + i, List.of(y));
            Map<String, Long> exactA = counts(api("demo-steward"), indicator, Map.of("codes", List.of(a)), List.of("sex"), allYears);
            Map<String, Long> exactB = counts(api("demo-steward"), indicator, Map.of("codes", List.of(b)), List.of("sex"), allYears);

            JsonNode noisyA = attacker.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", Map.of("codes", List.of(a)),
                    "breakdown", List.of("sex"), "periods", allYears))).at("/observations/edges");
            JsonNode noisyB = attacker.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", Map.of("codes", List.of(b)),
                    "breakdown", List.of("sex"), "periods", allYears))).at("/observations/edges");
            charged += rho(noisyA) + rho(noisyB);
            Map<String, Long> countsB = new LinkedHashMap<>();
            noisyB.forEach(e -> countsB.put(cellOf(e.get("node")), e.at("/node/count").isNull() ? null : e.at("/node/count").asLong()));
            for (JsonNode e : noisyA) {
                JsonNode node = e.get("node");
                assertThat(node.at("/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED");
                String cell = cellOf(node);
                long truthX = truth.get(x + "|" + cell);
                // The attack works on exact values ...
                assertThat(exactA.get(a + "|" + cell) - exactB.get(b + "|" + cell)).isEqualTo(truthX);
                // ... and on the noisy ones it is off by the difference of two independent noises.
                targets++;
                Long nb = countsB.get(cell);
                if (!node.get("count").isNull() && nb != null) {
                    long estimate = node.get("count").asLong() - nb;
                    recovered += estimate == truthX ? 1 : 0;
                    absoluteError += Math.abs(estimate - truthX);
                }
            }
        }
        assertThat(targets).isEqualTo(5 * 3 * 2);
        assertThat(recovered).as("cells recovered exactly by differencing").isLessThan(targets / 2);
        assertThat(absoluteError / targets).as("mean absolute error of the attacker's estimates").isGreaterThan(1.0);

        // Defining the same cells again under another name returns the very same noisy answer, so
        // the attacker cannot average fresh noise by redefining.
        String x = districts.get(0);
        String again = define(attacker, "Just X", List.of(x));
        String againAndAgain = define(attacker, "Just X, once more", List.of(x));
        Map<String, Object> query = Map.of("indicator", indicator, "breakdown", List.of("sex"), "periods", allYears);
        List<String> first = noisyCounts(attacker, query, again, x);
        assertThat(noisyCounts(attacker, query, againAndAgain, x)).isEqualTo(first);
        // The district itself is answered from the public's tables: post-processing, charged nothing.
        double spentBefore = ledger.spent(callerId).doubleValue();
        noisyCounts(attacker, query, x, x);
        assertThat(ledger.spent(callerId).doubleValue()).isEqualTo(spentBefore);

        // Every distinct custom area was charged to the attacker's budget: averaging over distinct
        // overlapping areas is bounded by the ledger (the equivalent areas were charged too).
        double perAnswer = 6 * 0.125;
        assertThat(ledger.spent(callerId).doubleValue()).isCloseTo(charged + 2 * perAnswer, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aStewardReadingAnotherOrganisationsIndicatorIsChargedForEveryNoisyCustomArea() {
        // demo-safeguarding-concerns belongs to the council; a police steward stands as a partner
        // for it (noise down to districts), so every custom area it asks about costs budget.
        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        String key = "custom-area-police-steward";
        String callerId = "key:" + apiKeys.register(key, "police steward", police, Role.STEWARD);
        ledger.setBudget(callerId, 1.0);
        Api steward = api(key);
        List<String> districts = List.of("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005");
        double spent = 0;
        for (int size = 2; size <= 5; size++) {
            String custom = define(steward, "First " + size + " districts", districts.subList(0, size));
            JsonNode edges = steward.data(OBSERVATIONS, Map.of("q", Map.of("indicator", DemoDataSet.SAFEGUARDING_CONCERNS,
                    "areas", Map.of("codes", List.of(custom)), "breakdown", List.of("sex")))).at("/observations/edges");
            assertThat(edges).hasSize(2);
            edges.forEach(e -> assertThat(e.at("/node/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED"));
            spent += rho(edges);
        }
        // Two cells (F, M) at rho 0.125 each: four answers spend the budget of 1.0 and the next is refused.
        assertThat(spent).isEqualTo(1.0);
        assertThat(ledger.spent(callerId).doubleValue()).isEqualTo(1.0);
        JsonNode overBudget = steward.graphql(OBSERVATIONS, Map.of("q", Map.of("indicator", DemoDataSet.SAFEGUARDING_CONCERNS,
                "areas", Map.of("codes", List.of(define(steward, "One more", List.of("Z08000005")))), "breakdown", List.of("sex"))));
        assertThat(overBudget.at("/errors/0/message").asString()).contains("privacy budget exhausted");
    }

    private List<String> noisyCounts(Api caller, Map<String, Object> query, String area, String renameTo) {
        Map<String, Object> q = new LinkedHashMap<>(query);
        q.put("areas", Map.of("codes", List.of(area)));
        List<String> values = new ArrayList<>();
        caller.data(OBSERVATIONS, Map.of("q", q)).at("/observations/edges").forEach(e -> values.add(
                renameTo + "|" + cellOf(e.get("node")) + "=" + e.at("/node/count") + "/" + e.at("/node/disclosure/status").asString()));
        return values;
    }

    private static double rho(JsonNode edges) {
        double rho = 0;
        for (JsonNode e : edges) {
            rho += e.at("/node/disclosure/rho").asDouble();
        }
        return rho;
    }

    private static String cellOf(JsonNode node) {
        List<String> parts = new ArrayList<>();
        parts.add(node.at("/period/code").asString());
        node.get("characteristics").forEach(c -> parts.add(c.get("code").asString()));
        return String.join("|", parts);
    }

    private Map<String, Long> counts(Api caller, String indicator, Map<String, Object> areas, List<String> breakdown) {
        Map<String, Long> counts = new LinkedHashMap<>();
        caller.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", areas, "breakdown", breakdown)))
                .at("/observations/edges").forEach(e -> {
                    List<String> parts = new ArrayList<>(List.of(e.at("/node/area/code").asString()));
                    e.at("/node/characteristics").forEach(c -> parts.add(c.get("code").asString()));
                    counts.put(parts.size() == 1 ? parts.get(0) + "|" : String.join("|", parts), e.at("/node/count").asLong());
                });
        return counts;
    }

    private Map<String, Long> counts(Api caller, String indicator, Map<String, Object> areas, List<String> breakdown,
                                     Map<String, Object> periods) {
        Map<String, Long> counts = new LinkedHashMap<>();
        caller.data(OBSERVATIONS, Map.of("q", Map.of("indicator", indicator, "areas", areas, "breakdown", breakdown, "periods", periods)))
                .at("/observations/edges").forEach(e -> counts.put(e.at("/node/area/code").asString() + "|" + cellOf(e.get("node")),
                        e.at("/node/count").asLong()));
        return counts;
    }

    private String define(Api caller, String name, List<String> members) {
        return caller.data(DEFINE, Map.of("input", Map.of("name", name, "members", members))).at("/defineCustomGeography/id").asString();
    }

    private List<String> wardsOf(String district) {
        List<String> wards = new ArrayList<>();
        api().data("query($c: String!) { area(code: $c) { children(type: \"ward\") { code } } }", Map.of("c", district))
                .at("/area/children").forEach(c -> wards.add(c.get("code").asString()));
        return wards;
    }
}
