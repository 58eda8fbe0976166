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
 * The per-caller zCDP ledger: noisy interactive queries of named callers are charged, a query
 * over budget is refused and charges nothing, and concurrent requests - through two API instances
 * on one database - never spend more than the budget.
 */
class PrivacyLedgerTest extends SightlineTest {

    private static final String QUERY = """
            { observations(query: {indicator: "demo-safeguarding-concerns", areas: {codes: ["Z08000001"]}}) {
                edges { node { count disclosure { status rho } } } } }""";

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
        JsonNode first = api("test-ledger-partner").data(QUERY, Map.of());
        double rho = first.at("/observations/edges/0/node/disclosure/rho").asDouble();
        assertThat(first.at("/observations/edges/0/node/disclosure/status").asString()).isIn("NOISED", "SUPPRESSED");
        assertThat(rho).isEqualTo(0.125);
        assertThat(api("test-ledger-partner").graphql(QUERY, Map.of()).has("errors")).isFalse();

        JsonNode refused = api("test-ledger-partner").graphql(QUERY, Map.of());
        assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString()).contains("privacy budget exhausted").contains("nothing was charged");
        assertThat(refused.has("data") && !refused.get("data").isNull() && !refused.at("/data/observations").isNull()).isFalse();
        assertThat(ledger.spent(caller)).isEqualByComparingTo("0.25");
    }

    @Test
    void fiftyConcurrentRequestsThroughTwoInstancesOverspendByExactlyZero() throws Exception {
        String caller = partnerWithBudget("test-race-partner", 1.0);
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
                Callable<Boolean> request = () -> {
                    start.await();
                    return !api.graphql(QUERY, Map.of()).has("errors");
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

    private String partnerWithBudget(String key, double budget) {
        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        String caller = "key:" + apiKeys.register(key, "test", police, Role.PARTNER);
        ledger.setBudget(caller, budget);
        return caller;
    }
}
