package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sightline.api.security.ApiKeys;
import org.sightline.api.organisations.Organisations;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits over HTTP with real keys, on an instance whose limits are small enough to reach:
 * a partner's key gets its limit and then 429 with Retry-After, X-RateLimit-* and a message naming
 * the setting, on GraphQL and REST alike; another key and the anonymous public from the same
 * address keep their own allowance; an operator's key is not limited; after Retry-After the key
 * is served again. Its own database (no demo), closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sightline.home=target/rate-limited-home", "sightline.demo=false", "sightline.bootstrap-admin-key=rl-admin",
        "sightline.limits.rate.public-per-minute=6", "sightline.limits.rate.key-per-minute=12",
        "sightline.limits.rate.admin-per-minute=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitedInstanceTest {

    static final Path HOME = Path.of("target/rate-limited-home");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUESTION = "{\"query\":\"{ areas(search: \\\"Nowhere\\\") { totalCount } }\"}";

    static {
        org.sightline.api.SightlineTest.deleteRecursively(HOME);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Organisations organisations;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void partnerKeys() {
        int police = organisations.ensure("rl-police", "Rate-limited police", "POLICE");
        apiKeys.register("rl-partner-1", "first partner system", police, Role.PARTNER);
        apiKeys.register("rl-partner-2", "second partner system", police, Role.PARTNER);
    }

    @Test
    @Order(1)
    void aKeyIsRefusedPastItsLimitAndServedAgainAfterRetryAfterWhileOthersAreNot() throws Exception {
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> served = (i % 2 == 0) ? graphql("rl-partner-1") : rest("rl-partner-1");
            assertThat(served.statusCode()).as("request %d of 12: answered", i + 1).isNotEqualTo(429).isLessThan(500);
            assertThat(served.headers().firstValue("X-RateLimit-Limit")).hasValue("12");
            assertThat(Long.parseLong(served.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                    .as("one spent per request").isEqualTo(11 - i);
        }
        for (HttpResponse<String> refused : new HttpResponse[] {graphql("rl-partner-1"), rest("rl-partner-1")}) {
            assertThat(refused.statusCode()).isEqualTo(429);
            // 12 a minute: one more every 5 s.
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 5L);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.path("classification").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(body.path("message").asString()).contains("sightline.limits.rate.key-per-minute");
        }

        assertThat(graphql("rl-partner-2").statusCode()).as("another key from the same address has its own allowance").isEqualTo(200);
        assertThat(graphql(null).statusCode()).as("the anonymous public from the same address too").isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> operator = graphql("rl-admin");
            assertThat(operator.statusCode()).as("operators are not limited").isEqualTo(200);
            assertThat(operator.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }

        HttpResponse<String> refused = graphql("rl-partner-1");
        assertThat(refused.statusCode()).isEqualTo(429);
        Thread.sleep(1000L * Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) + 200);
        assertThat(graphql("rl-partner-1").statusCode()).as("served again after Retry-After").isEqualTo(200);
    }

    @Test
    @Order(2)
    void theAnonymousPublicIsLimitedPerAddress() throws Exception {
        int served = 0;
        HttpResponse<String> response;
        do {
            response = graphql(null);
            if (response.statusCode() == 200) {
                served++;
            }
        } while (response.statusCode() == 200 && served < 50);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(served).as("at most the public's 6 a minute, one of them spent by the first test").isBetween(0, 6);
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains("sightline.limits.rate.public-per-minute");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> graphql(String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUESTION));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rest(String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/observations.csv?indicator=none&level=region")).GET();
        request.header("X-API-Key", apiKey);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
