package org.sightline.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineApplication;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The per-caller zCDP ledger: interactive noisy questions of named callers (here partners' custom
 * areas of a HIGHLY_SENSITIVE indicator, outside the public's tables) are charged once each, a
 * question over budget is refused and charges nothing, and concurrent requests - through two API
 * instances on one database - never spend more than the budget. Answers from the public's tables
 * are post-processing and charge nothing.
 */
class PrivacyLedgerTest extends SightlineTest {

    private static final String QUERY = """
            { observations(query: {indicator: "demo-safeguarding-concerns", areas: {codes: ["Z08000001"]}}) {
                edges { node { count disclosure { status rho } } } } }""";

    private static final String CUSTOM_AREA_QUERY = """
            query($area: String!, $period: String!) {
              observations(query: {indicator: "demo-safeguarding-concerns", areas: {codes: [$area]}, periods: {codes: [$period]}}) {
                edges { node { count disclosure { status rho } } } } }""";

    private static final String DEFINE = "mutation($input: CustomGeographyInput!) { defineCustomGeography(input: $input) { id } }";

    private static final List<String> DISTRICTS = List.of("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005");

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    PrivacyLedger ledger;

    @Autowired
    DSLContext db;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aCallerWhoExhaustsTheBudgetIsRefusedClearlyAndChargedNothingMore() {
        String caller = partnerWithBudget("test-ledger-partner", 0.3);
        Api partner = api("test-ledger-partner");
        List<String> areas = customAreas(partner, 3);
        JsonNode first = partner.data(CUSTOM_AREA_QUERY, Map.of("area", areas.get(0), "period", "2023/24"));
        double rho = first.at("/observations/edges/0/node/disclosure/rho").asDouble();
        assertThat(first.at("/observations/edges/0/node/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED");
        assertThat(rho).isEqualTo(0.125);
        // Asking the same question again (or paging through it) returns the same noise and is not charged again.
        assertThat(partner.data(CUSTOM_AREA_QUERY, Map.of("area", areas.get(0), "period", "2023/24"))).isEqualTo(first);
        assertThat(ledger.spent(caller)).isEqualByComparingTo("0.125");
        assertThat(partner.graphql(CUSTOM_AREA_QUERY, Map.of("area", areas.get(1), "period", "2023/24")).has("errors")).isFalse();

        JsonNode refused = partner.graphql(CUSTOM_AREA_QUERY, Map.of("area", areas.get(2), "period", "2023/24"));
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString()).contains("privacy budget exhausted").contains("nothing was charged");
        assertThat(refused.has("data") && !refused.get("data").isNull() && !refused.at("/data/observations").isNull()).isFalse();
        assertThat(ledger.spent(caller)).isEqualByComparingTo("0.25");
        // The districts themselves come from the public's tables: answered, and charged nothing.
        assertThat(partner.data(QUERY, Map.of()).at("/observations/edges/0/node/disclosure/status").asString()).isEqualTo("NOISED");
        assertThat(ledger.spent(caller)).isEqualByComparingTo("0.25");
    }

    @Test
    void fiftyConcurrentRequestsThroughTwoInstancesOverspendByExactlyZero() throws Exception {
        String caller = partnerWithBudget("test-race-partner", 1.0);
        List<String> areas = customAreas(api("test-race-partner"), 25);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SightlineApplication.class)
                .properties("server.port=0", "sightline.demo=false",
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres")
                .run()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<Api> instances = List.of(new Api(port, "test-race-partner"), new Api(secondPort, "test-race-partner"));
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Api api = instances.get(i % 2);
                // Fifty different questions: two periods of each of 25 custom areas.
                Map<String, Object> question = Map.of("area", areas.get(i / 2), "period", i % 2 == 0 ? "2022/23" : "2023/24");
                Callable<Boolean> request = () -> {
                    start.await();
                    return !api.graphql(CUSTOM_AREA_QUERY, question).has("errors");
                };
                answers.add(pool.submit(request));
            }
            start.countDown();
            int answered = 0;
            for (Future<Boolean> answer : answers) {
                answered += answer.get() ? 1 : 0;
            }
            pool.shutdown();

            // 1.0 / 0.125 = 8 queries fit the budget; every other request must have been refused.
            assertThat(answered).isEqualTo(8);
            assertThat(ledger.spent(caller)).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(db.fetchOne("select count(*) from privacy_charge where caller = ?", caller).get(0, Long.class)).isEqualTo(8);
        }
    }

    @Test
    void publicAndOwnerQueriesAreNotChargedToAnyCaller() {
        long before = db.fetchOne("select count(*) from privacy_charge").get(0, Long.class);
        api().data(QUERY, Map.of());
        api("demo-steward").data(QUERY, Map.of());
        assertThat(db.fetchOne("select count(*) from privacy_charge").get(0, Long.class)).isEqualTo(before);
    }

    /** {@code n} different custom areas made of the demo districts (unions of 1 to 5 of them). */
    private static List<String> customAreas(Api caller, int n) {
        List<String> ids = new java.util.ArrayList<>();
        for (int mask = 1; ids.size() < n; mask++) {
            List<String> members = new java.util.ArrayList<>();
            for (int d = 0; d < DISTRICTS.size(); d++) {
                if ((mask & (1 << d)) != 0) {
                    members.add(DISTRICTS.get(d));
                }
            }
            ids.add(caller.data(DEFINE, Map.of("input", Map.of("name", "ledger test " + mask, "members", members)))
                    .at("/defineCustomGeography/id").asString());
        }
        return ids;
    }

    private String partnerWithBudget(String key, double budget) {
        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        String caller = "key:" + apiKeys.register(key, "test", police, Role.PARTNER);
        ledger.setBudget(caller, budget);
        return caller;
    }
}
