package org.sightline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.sightline.api.Api;
import org.sightline.api.TestIndicators;
import org.sightline.api.SightlineApplication;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.privacy.PrivacyLedger;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one PostgreSQL database, as behind a load balancer: started
 * together (both migrate and publish the standard codelists, the first loads the demo data
 * meanwhile), then used concurrently through both. A caller's privacy budget, charged through both
 * at once, is never overspent and no charge is lost or doubled; the same question gets the same
 * noise from either instance and is paid for once - the second instance's first noisy answer is a
 * question's (read-only) one, as after a restart. Releases of one indicator published and
 * corrected through both at once keep gapless versions, one current release per period and a
 * linear chain of corrections, and both instances then answer the public and the steward with the
 * same numbers and state the same privacy loss. The database is this class's own; it and both
 * contexts are stopped after the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final Path HOME = Path.of("target/two-instances");
    private static final String PARTNER_KEY = "test-two-instances-partner";
    private static final String INDICATOR = "test-two-instances";
    private static final List<String> DISTRICTS = List.of("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005");

    private static final String DEFINE_AREA = "mutation($input: CustomGeographyInput!) { defineCustomGeography(input: $input) { id } }";
    private static final String CUSTOM_AREA_QUESTION = """
            query($area: String!, $period: String!) {
              observations(query: {indicator: "%s", areas: {codes: [$area]}, periods: {codes: [$period]}}) {
                edges { node { count disclosure { status rho } } } } }""".formatted(DemoDataSet.SAFEGUARDING_CONCERNS);
    private static final String RELEASES = """
            query($id: ID!) { releases(indicator: $id) { id version status periods corrects correctionReason fileSha256 cells
              supersededAt withdrawnAt } }""";
    private static final String BY_DISTRICT_AND_SEX = """
            query($id: ID!) {
              observations(query: {indicator: $id, areas: {level: "lad"}, breakdown: ["sex"], periods: {from: "2000", to: "2030"}},
                           first: 1000) {
                edges { node { area { code } period { code } characteristics { code } count disclosure { status } } } } }""";
    private static final String COUNTRY_BY_PERIOD = """
            query($id: ID!) {
              observations(query: {indicator: $id, areas: {codes: ["%s"]}, periods: {from: "2000", to: "2030"}}) {
                edges { node { period { code } count disclosure { status } } } } }""".formatted(DemoDataSet.COUNTRY);
    private static final String PRIVACY_LOSS = """
            query($id: ID!) { indicator(id: $id) { periods { code } privacyLoss { rho rhoExact epsilon delta mechanism tables } } }""";

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    @Timeout(180)
    static void startOneDatabaseAndTwoInstances() throws Exception {
        deleteRecursively(HOME);
        Files.createDirectories(HOME.resolve("postgres-binaries"));
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(HOME.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(HOME.resolve("postgres-binaries").toFile())
                .setServerConfig("max_connections", "100")
                .start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // Started together, as an orchestrator starts two replicas: both migrate (Flyway's lock
        // lets one do it) and publish the standard codelists, the first loads the demo data and
        // keys meanwhile. The second starts once the first has set up logging, which one JVM
        // cannot do for two applications at the same moment (separate processes would not share it).
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch logging = new CountDownLatch(1);
            Future<ConfigurableApplicationContext> a = starting.submit(() -> start(url, "a", true, logging));
            logging.await(60, TimeUnit.SECONDS);
            Future<ConfigurableApplicationContext> b = starting.submit(() -> start(url, "b", false, new CountDownLatch(1)));
            // Both awaited, so that whichever started is closed after the class even if the other failed.
            Exception failed = null;
            for (Future<ConfigurableApplicationContext> instance : List.of(a, b)) {
                try {
                    instances.add(instance.get(3, TimeUnit.MINUTES));
                } catch (ExecutionException | TimeoutException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            starting.shutdownNow();
        }
        instances.forEach(c -> ports.add(((WebServerApplicationContext) c).getWebServer().getPort()));
    }

    private static ConfigurableApplicationContext start(String url, String name, boolean demo, CountDownLatch logging) {
        ApplicationListener<ApplicationEvent> loggingReady = event -> {
            if (event instanceof ApplicationEnvironmentPreparedEvent) {
                logging.countDown();
            }
        };
        return new SpringApplicationBuilder(SightlineApplication.class).listeners(loggingReady)
                .properties("server.port=0", "sightline.home=" + HOME.resolve("home-" + name), "sightline.demo=" + demo,
                        "spring.datasource.url=" + url, "spring.datasource.username=postgres")
                .run();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        instances.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
        deleteRecursively(HOME);
    }

    @Test
    @Order(1)
    void bothInstancesMigratedOnceAndServeTheDemoTheFirstLoaded() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version "
                + "HAVING count(*) > 1", String.class)).as("a migration applied twice").isEmpty();
        for (int port : ports) {
            // The demo keys the first instance created authenticate on both.
            JsonNode indicator = new Api(port, "demo-steward").data(PRIVACY_LOSS, Map.of("id", DemoDataSet.SERVICE_CONTACTS));
            assertThat(indicator.at("/indicator/periods")).isNotEmpty();
        }
    }

    /** Before anything else asks the second instance for noise (see the class comment). */
    @Test
    @Order(2)
    @Timeout(120)
    void aBudgetChargedThroughBothInstancesAtOnceIsNeverOverspentAndNoChargeIsLostOrDoubled() throws Exception {
        int police = jdbc.queryForObject("SELECT id FROM organisation WHERE code = 'demo-wessex-police'", Integer.class);
        String caller = "key:" + instances.get(0).getBean(ApiKeys.class).register(PARTNER_KEY, "test", police, Role.PARTNER);
        BigDecimal budget = new BigDecimal("2.0");
        instances.get(1).getBean(PrivacyLedger.class).setBudget(caller, budget.doubleValue());
        List<Api> partner = List.of(new Api(ports.get(0), PARTNER_KEY), new Api(ports.get(1), PARTNER_KEY));

        // Thirty custom areas (unions of the five districts), defined through either instance, and
        // two periods: sixty different questions, each charged when first answered.
        List<String> areas = new ArrayList<>();
        for (int mask = 1; mask <= 30; mask++) {
            List<String> members = new ArrayList<>();
            for (int d = 0; d < DISTRICTS.size(); d++) {
                if ((mask & (1 << d)) != 0) {
                    members.add(DISTRICTS.get(d));
                }
            }
            areas.add(partner.get(mask % 2).data(DEFINE_AREA, Map.of("input", Map.of("name", "two instances " + mask, "members", members)))
                    .at("/defineCustomGeography/id").asString());
        }
        List<String> periods = new ArrayList<>();
        new Api(ports.get(0)).data(PRIVACY_LOSS, Map.of("id", DemoDataSet.SAFEGUARDING_CONCERNS)).at("/indicator/periods")
                .forEach(p -> periods.add(p.get("code").asString()));
        List<Map<String, Object>> questions = new ArrayList<>();
        for (String area : areas) {
            for (String period : periods.subList(periods.size() - 2, periods.size())) {
                questions.add(Map.of("area", area, "period", period));
            }
        }

        // All at once, alternately through each instance, while the ledger is watched.
        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicReference<BigDecimal> mostSpent = new AtomicReference<>(BigDecimal.ZERO);
        Thread watcher = new Thread(() -> {
            while (asking.get()) {
                List<BigDecimal> spent = jdbc.queryForList("SELECT spent_rho FROM privacy_ledger WHERE caller = ?", BigDecimal.class, caller);
                spent.forEach(s -> mostSpent.accumulateAndGet(s, BigDecimal::max));
            }
        });
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Api api = partner.get(i % 2);
            Map<String, Object> question = questions.get(i);
            Callable<JsonNode> ask = () -> {
                go.await();
                return api.graphql(CUSTOM_AREA_QUESTION, question);
            };
            answers.add(pool.submit(ask));
        }
        go.countDown();
        List<Integer> answered = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        Map<Integer, JsonNode> responses = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode response = answers.get(i).get(60, TimeUnit.SECONDS);
            responses.put(i, response);
            if (response.has("errors")) {
                assertThat(response.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
                assertThat(response.at("/errors/0/message").asString()).contains("privacy budget exhausted");
                refused.add(i);
            } else {
                answered.add(i);
            }
        }
        pool.shutdown();
        asking.set(false);
        watcher.join();

        // Each answer was charged its stated rho; as many were answered as the budget holds, and
        // every charge that was made is recorded.
        BigDecimal rho = new BigDecimal(responses.get(answered.get(0)).at("/data/observations/edges/0/node/disclosure/rho").asString());
        for (int i : answered) {
            assertThat(responses.get(i).at("/data/observations/edges/0/node/disclosure/rho").asString()).isEqualTo(rho.toString());
        }
        int fit = budget.divideToIntegralValue(rho).intValueExact();
        assertThat(answered).hasSize(fit);
        assertThat(refused).hasSize(questions.size() - fit);
        BigDecimal spent = spent(caller);
        Map<String, Object> charges = jdbc.queryForMap("SELECT count(*) AS n, coalesce(sum(rho), 0) AS total FROM privacy_charge WHERE caller = ?",
                caller);
        assertThat(((Number) charges.get("n")).intValue()).isEqualTo(answered.size());
        assertThat((BigDecimal) charges.get("total")).isEqualByComparingTo(spent);
        assertThat(spent).isEqualByComparingTo(rho.multiply(BigDecimal.valueOf(answered.size())));
        assertThat(spent).isLessThanOrEqualTo(budget);
        assertThat(mostSpent.get()).isLessThanOrEqualTo(budget);

        // The same question through the other instance: the same noise (one secret for both), and
        // not paid for again; a refused question is still refused.
        for (int i : answered) {
            assertThat(partner.get((i + 1) % 2).graphql(CUSTOM_AREA_QUESTION, questions.get(i))).isEqualTo(responses.get(i));
        }
        assertThat(partner.get(1).graphql(CUSTOM_AREA_QUESTION, questions.get(refused.get(0))).at("/errors/0/message").asString())
                .contains("privacy budget exhausted");
        assertThat(spent(caller)).isEqualByComparingTo(spent);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM privacy_charge WHERE caller = ?", Long.class, caller)).isEqualTo(answered.size());
    }

    @Test
    @Order(3)
    @Timeout(150)
    void releasesPublishedAndCorrectedThroughBothInstancesAtOnceStayConsistentAndBothAnswerAlike() throws Exception {
        defineIndicator();
        List<Api> steward = List.of(new Api(ports.get(0), "demo-steward"), new Api(ports.get(1), "demo-steward"));
        List<String> years = List.of("2015", "2016", "2017", "2018", "2019", "2020");

        // New periods, one file each, all at once through alternate instances.
        List<Cells> originals = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
            originals.add(Cells.random(100 + y, years.get(y)));
        }
        List<Api.Response> published = concurrently(years.size(), i -> upload(steward.get(i % 2), originals.get(i).csv(), ""));
        Map<String, Long> releaseOfYear = new TreeMap<>();
        for (int i = 0; i < years.size(); i++) {
            assertThat(published.get(i).status()).as(published.get(i).body().toString()).isEqualTo(201);
            assertThat(published.get(i).body().get("periods").get(0).asString()).isEqualTo(years.get(i));
            releaseOfYear.put(years.get(i), published.get(i).body().get("releaseId").asLong());
        }
        assertThat(published).extracting(r -> r.body().get("version").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);

        // Both instances answer the first releases (and keep those answers in their caches).
        Map<String, Long> expected = new TreeMap<>();
        originals.forEach(c -> expected.put(c.period(), c.total()));
        for (Api api : steward) {
            assertThat(countryTotals(api)).isEqualTo(expected);
        }
        answersAlike();

        // Then at once: two different corrections of each release, one through each instance,
        // and the same new file through both.
        List<Cells> corrections = new ArrayList<>();
        for (int i = 0; i < 2 * years.size(); i++) {
            corrections.add(Cells.random(200 + i, years.get(i / 2)));
        }
        Cells newYear = Cells.random(300, "2021");
        List<Api.Response> sent = concurrently(corrections.size() + 2, i -> {
            if (i >= corrections.size()) {
                return upload(steward.get(i % 2), newYear.csv(), "");
            }
            String year = years.get(i / 2);
            return upload(steward.get(i % 2), corrections.get(i).csv(),
                    "?corrects=" + releaseOfYear.get(year) + "&reason=late+returns+for+" + year + "+sent+by+instance+" + (i % 2));
        });
        Map<String, Long> correctionOfYear = new TreeMap<>();
        for (int y = 0; y < years.size(); y++) {
            List<Integer> statuses = List.of(sent.get(2 * y).status(), sent.get(2 * y + 1).status());
            // One correction wins; the other finds the release it corrects superseded already.
            assertThat(statuses).as(years.get(y) + ": " + sent.get(2 * y).body() + " " + sent.get(2 * y + 1).body())
                    .containsExactlyInAnyOrder(201, 409);
            int winner = sent.get(2 * y).status() == 201 ? 2 * y : 2 * y + 1;
            correctionOfYear.put(years.get(y), sent.get(winner).body().get("releaseId").asLong());
            expected.put(years.get(y), corrections.get(winner).total());
        }
        Api.Response newA = sent.get(corrections.size());
        Api.Response newB = sent.get(corrections.size() + 1);
        // The same file twice at once: one release, the second upload recognises it.
        assertThat(List.of(newA.status(), newB.status())).containsExactlyInAnyOrder(201, 200);
        assertThat(newA.body().get("releaseId").asLong()).isEqualTo(newB.body().get("releaseId").asLong());
        expected.put("2021", newYear.total());

        // The history, the same through both instances.
        List<JsonNode> history = releases(steward.get(0));
        assertThat(releases(steward.get(1))).isEqualTo(history);
        assertThat(history).hasSize(2 * years.size() + 1);
        assertThat(history).extracting(r -> r.get("version").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, history.size()).map(v -> history.size() + 1 - v).boxed().toList());
        Map<String, List<JsonNode>> current = new TreeMap<>();
        Map<Long, JsonNode> byId = new HashMap<>();
        history.forEach(r -> byId.put(r.get("id").asLong(), r));
        Set<Long> corrected = new HashSet<>();
        for (JsonNode release : history) {
            assertThat(release.get("withdrawnAt").isNull()).isTrue();
            assertThat(release.get("periods")).hasSize(1);
            String period = release.get("periods").get(0).asString();
            if (release.get("status").asString().equals("PUBLISHED")) {
                current.computeIfAbsent(period, p -> new ArrayList<>()).add(release);
                assertThat(release.get("supersededAt").isNull()).isTrue();
            } else {
                assertThat(release.get("status").asString()).isEqualTo("SUPERSEDED");
                assertThat(release.get("id").asLong()).isEqualTo(releaseOfYear.get(period));
                assertThat(release.get("supersededAt").isNull()).isFalse();
            }
            if (!release.get("corrects").isNull()) {
                long of = release.get("corrects").asLong();
                // Linear: each release corrected at most once, by a newer release of the same period.
                assertThat(corrected.add(of)).as("release " + of + " corrected twice").isTrue();
                assertThat(byId.get(of).get("status").asString()).isEqualTo("SUPERSEDED");
                assertThat(byId.get(of).get("periods")).isEqualTo(release.get("periods"));
                assertThat(byId.get(of).get("version").asInt()).isLessThan(release.get("version").asInt());
            }
        }
        // Exactly one current release per period: the winning correction, or the new year's.
        assertThat(current.keySet()).containsExactlyElementsOf(expected.keySet());
        current.forEach((period, releases) -> assertThat(releases).as(period).hasSize(1));
        correctionOfYear.forEach((year, id) -> assertThat(current.get(year).get(0).get("id").asLong()).isEqualTo(id));
        assertThat(corrected).containsExactlyInAnyOrderElementsOf(releaseOfYear.values());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT rp.period_id FROM release r JOIN release_period rp ON rp.release_id = r.id
                  JOIN indicator i ON i.id = r.indicator_id WHERE i.slug = ? AND r.status = 'PUBLISHED'
                  GROUP BY rp.period_id HAVING count(*) > 1) twice""", Long.class, INDICATOR)).isZero();

        // Both instances now read the corrections (no cache kept the first releases' answers):
        // the steward's exact totals are the winning files', the public's protected numbers and
        // the stated privacy loss are the same on both.
        for (Api api : steward) {
            assertThat(countryTotals(api)).isEqualTo(expected);
        }
        answersAlike();
    }

    // --- helpers ---

    /** The public's and the steward's answers and the public's stated privacy loss, identical through both instances. */
    private static void answersAlike() {
        for (String key : new String[] {null, "demo-steward", "demo-partner"}) {
            JsonNode a = new Api(ports.get(0), key).data(BY_DISTRICT_AND_SEX, Map.of("id", INDICATOR));
            JsonNode b = new Api(ports.get(1), key).data(BY_DISTRICT_AND_SEX, Map.of("id", INDICATOR));
            assertThat(b).as(key == null ? "PUBLIC" : key).isEqualTo(a);
            assertThat(a.at("/observations/edges")).isNotEmpty();
        }
        JsonNode loss = new Api(ports.get(0)).data(PRIVACY_LOSS, Map.of("id", INDICATOR)).at("/indicator/privacyLoss");
        assertThat(loss.isNull()).as("a SENSITIVE indicator's public tables are noisy").isFalse();
        assertThat(loss.get("rho").asDouble()).isPositive();
        assertThat(new Api(ports.get(1)).data(PRIVACY_LOSS, Map.of("id", INDICATOR)).at("/indicator/privacyLoss")).isEqualTo(loss);
    }

    private static Map<String, Long> countryTotals(Api steward) {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode edge : steward.data(COUNTRY_BY_PERIOD, Map.of("id", INDICATOR)).at("/observations/edges")) {
            assertThat(edge.at("/node/disclosure/status").asString()).isEqualTo("EXACT");
            totals.put(edge.at("/node/period/code").asString(), edge.at("/node/count").asLong());
        }
        return totals;
    }

    private static List<JsonNode> releases(Api caller) {
        List<JsonNode> list = new ArrayList<>();
        caller.data(RELEASES, Map.of("id", INDICATOR)).get("releases").forEach(list::add);
        return list;
    }

    private static Api.Response upload(Api steward, String csv, String query) {
        return steward.post("/api/v1/indicators/" + INDICATOR + "/releases" + query, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private interface Request {
        Api.Response send(int i);
    }

    /** {@code n} requests released at the same moment; their responses in order. */
    private static List<Api.Response> concurrently(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.send(index);
                }));
            }
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get(100, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void defineIndicator() {
        Map<String, Object> body = TestIndicators.countBySex(INDICATOR, "Two instances (test)",
                "Contacts, to test releases through two instances.");
        body.put("unit", "contacts");
        body.put("disclosureClass", "SENSITIVE");
        assertThat(new Api(ports.get(1), "demo-admin").postJson("/api/v1/indicators", body).status()).isIn(200, 201);
    }

    private static BigDecimal spent(String caller) {
        return jdbc.queryForObject("SELECT spent_rho FROM privacy_ledger WHERE caller = ?", BigDecimal.class, caller);
    }

    /** A release file of one period: the 120 LSOAs of the demo's first district by sex, with seeded small counts, and its total. */
    private record Cells(String period, String csv, long total) {

        static Cells random(long seed, String period) {
            Random random = new Random(seed);
            StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
            long total = 0;
            for (int lsoa = 1; lsoa <= 120; lsoa++) {
                for (String sex : List.of("F", "M")) {
                    int count = random.nextInt(40);
                    csv.append(String.format("Z01%06d", lsoa)).append(',').append(period).append(',').append(sex).append(',').append(count)
                            .append('\n');
                    total += count;
                }
            }
            return new Cells(period, csv.toString(), total);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
