package org.sightline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.privacy.PrivacyLedger;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * What operators see, on the demo (where the metrics are open): the request id on the response
 * and in every log line of the request, the root-field timer, the privacy engine's decisions and
 * the budget spent as counts that match what the callers received, rejected inputs by reason, and
 * no cell value in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends SightlineTest {

    /** An alias makes the body unique, so the public response cache cannot answer it without the privacy engine. */
    private static final String PUBLIC_QUESTION = """
            { metricsProbe: observations(query: {indicator: "demo-safeguarding-concerns", areas: {codes: ["Z08000001", "Z08000002"]}}) {
                edges { node { count disclosure { status } } } } }""";

    private static final String CUSTOM_AREA_QUESTION = """
            query($area: String!) {
              observations(query: {indicator: "demo-safeguarding-concerns", areas: {codes: [$area]}, periods: {codes: ["2023/24"]}}) {
                edges { node { count disclosure { status rho } } } } }""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    PrivacyLedger ledger;

    @Autowired
    DSLContext db;

    @Test
    void aRequestIdIsEchoedOrGeneratedAndAForgedOneIsReplaced() throws Exception {
        HttpResponse<String> echoed = send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "dashboard-7f3a.42"));
        assertThat(echoed.headers().firstValue("X-Request-Id")).contains("dashboard-7f3a.42");

        String generated = send(HttpRequest.newBuilder(uri("/actuator/health"))).headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(java.util.UUID.fromString(generated)).isNotNull();

        // An id that could forge a log line is not taken.
        String forged = send(HttpRequest.newBuilder(uri("/actuator/health")).header("X-Request-Id", "x INFO fake line"))
                .headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(forged).doesNotContain(" ");
    }

    @Test
    void theRequestIdIsInTheMdcAndOnEveryLogLineOfTheRequest(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader("X-Request-Id", "log-line-probe-1");
        AtomicReference<String> seen = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                seen.set(MDC.get("requestId"));
                LoggerFactory.getLogger(ObservabilityTest.class).warn("a line logged while answering");
            }
        });
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestIdFilter().doFilter(request, response, chain);

        assertThat(seen.get()).isEqualTo("log-line-probe-1");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("log-line-probe-1");
        assertThat(MDC.get("requestId")).isNull();
        assertThat(output.getAll().lines().filter(l -> l.contains("a line logged while answering")))
                .singleElement().asString().contains("[log-line-probe-1]");
    }

    @Test
    void theMetricsCountRootFieldsAndThePrivacyDecisionsOfWhatCallersReceived(CapturedOutput output) throws Exception {
        Map<String, Double> before = scrape();
        JsonNode answer = api().data(PUBLIC_QUESTION, Map.of());
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "sightline_graphql_root_field_seconds_count", "field=\"observations\"", "type=\"Query\""))
                .isEqualTo(1);
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonNode edge : answer.at("/metricsProbe/edges")) {
            statuses.merge(edge.at("/node/disclosure/status").asString(), 1, Integer::sum);
        }
        assertThat(statuses).isNotEmpty();
        for (String status : List.of("EXACT", "ROUNDED", "NOISED", "SUPPRESSED")) {
            assertThat(delta(before, after, "sightline_privacy_cells_total", "role=\"PUBLIC\"", "status=\"" + status + "\""))
                    .as(status).isEqualTo((double) statuses.getOrDefault(status, 0));
        }
        // The log says nothing about what was answered.
        for (JsonNode edge : answer.at("/metricsProbe/edges")) {
            if (!edge.at("/node/count").isNull()) {
                assertThat(output.getAll()).doesNotContain("\"count\":" + edge.at("/node/count").asString());
            }
        }
        assertThat(output.getAll()).doesNotContain("metricsProbe");
    }

    @Test
    void theBudgetSpentPerRoleIsWhatTheLedgerCharged() throws Exception {
        int police = db.fetchOne("select id from organisation where code = 'demo-wessex-police'").get(0, Integer.class);
        String caller = "key:" + apiKeys.register("test-metrics-partner", "test", police, Role.PARTNER);
        ledger.setBudget(caller, 1.0);
        Api partner = api("test-metrics-partner");
        String area = partner.data("mutation($input: CustomGeographyInput!) { defineCustomGeography(input: $input) { id } }",
                        Map.of("input", Map.of("name", "metrics test area", "members", List.of("Z08000001", "Z08000004"))))
                .at("/defineCustomGeography/id").asString();

        Map<String, Double> before = scrape();
        JsonNode answer = partner.data(CUSTOM_AREA_QUESTION, Map.of("area", area));
        Map<String, Double> after = scrape();

        double rho = 0;
        for (JsonNode edge : answer.at("/observations/edges")) {
            rho += edge.at("/node/disclosure/rho").asDouble();
        }
        assertThat(rho).isPositive();
        assertThat(ledger.spent(caller).doubleValue()).isEqualTo(rho);
        assertThat(delta(before, after, "sightline_privacy_budget_spent_total", "role=\"PARTNER\"")).isEqualTo(rho);
    }

    @Test
    void rejectedInputsAreCountedByReason() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(api().graphql("{ noSuchField }", Map.of()).has("errors")).isTrue();
        assertThat(api().postJson("/api/v1/indicators", Map.of("id", "x")).status()).isEqualTo(401);
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, "sightline_rejected_inputs_total", "api=\"graphql\"", "reason=\"ValidationError\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "sightline_rejected_inputs_total", "api=\"rest\"", "reason=\"401\"")).isEqualTo(1);
    }

    /** Every sample of the Prometheus text, keyed by its name and labels. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/prometheus")));
        assertThat(response.statusCode()).as("the demo's metrics are open").isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** The change of the samples named {@code name} whose labels include all of {@code labels}, summed. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    private static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && List.of(labels).stream().allMatch(e.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
