package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;

/**
 * Over HTTP, every counted response says where its caller stands - the public per address, a key
 * at the keys' rate, an operator not at all - and a 304 revalidation costs nothing. (The 429 itself
 * is shown with limits small enough to reach in {@link RateLimiterTest}.)
 */
class RateLimitHeadersTest extends SightlineTest {

    private static final String QUESTION = "{ areas(type: \"region\", first: 3) { totalCount } }";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachCallerIsToldItsLimitAndRevalidationsAreFree() throws Exception {
        HttpResponse<String> first = get(null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("1200");
        long before = Long.parseLong(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThat(first.headers().firstValue("X-RateLimit-Reset")).isPresent();
        String etag = first.headers().firstValue("ETag").orElseThrow();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> revalidated = get(etag, null);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.headers().firstValue("X-RateLimit-Remaining")).as("not counted").isEmpty();
        }
        HttpResponse<String> again = get(null, null);
        long after = Long.parseLong(again.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThat(after).as("ten 304s cost nothing; one 200 costs one").isGreaterThanOrEqualTo(before - 1);

        assertThat(get(null, "demo-steward").headers().firstValue("X-RateLimit-Limit")).hasValue("6000");
        HttpResponse<String> operator = get(null, "demo-admin");
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.headers().firstValue("X-RateLimit-Limit")).as("operators are not limited").isEmpty();
    }

    private HttpResponse<String> get(String ifNoneMatch, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?query="
                + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8))).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
