package org.sightline.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One question a dashboard or an analyst asks, sent again and again: either a GraphQL operation
 * ({@code POST /graphql}) or a GET of a path on the server, with the check every answer must pass.
 *
 * @param name     a short slug to select it with {@code --scenario}
 * @param question what is asked, in words, for the report's readers
 * @param method   {@code POST} for GraphQL, {@code GET} otherwise
 * @param path     the path and query string, relative to the server's URL
 * @param body     the JSON body for POST, null for GET
 * @param check    what an acceptable answer looks like
 * @param rawSql   the same answer computed by hand-written SQL straight on the database, for the
 *                 {@code --raw-sql} baseline; empty when the scenario has none (the demo ones)
 * @param revalidate whether each client behaves as an HTTP cache does (a browser's, a CDN's): it
 *                 keeps the answer and its ETag and asks again with If-None-Match, a 304 meaning
 *                 "the answer you hold is still the answer"
 */
public record Scenario(String name, String question, String method, String path, String body, ResponseCheck check,
                       Optional<RawSql> rawSql, boolean revalidate) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rawSql, "rawSql");
        if (!SLUG.matcher(name).matches()) {
            throw new IllegalArgumentException("a scenario name is a lower-case slug such as ward-population, not '" + name + "'");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path of " + name + " must start with '/', got '" + path + "'");
        }
        if (method.equals("POST") == (body == null) || !(method.equals("POST") || method.equals("GET"))) {
            throw new IllegalArgumentException("scenario " + name + ": POST needs a body and GET has none, got " + method
                    + (body == null ? " without a body" : " with a body"));
        }
    }

    /** A scenario without a raw-SQL baseline. */
    public Scenario(String name, String question, String method, String path, String body, ResponseCheck check) {
        this(name, question, method, path, body, check, Optional.empty(), false);
    }

    /** The same question over GET, asked as an HTTP cache asks it again (If-None-Match); named {@code name}. */
    public Scenario overGetRevalidated(String name, String question) {
        if (!method.equals("POST") || !path.equals("/graphql")) {
            throw new IllegalArgumentException("only a GraphQL POST scenario has a GET form, not " + this.name);
        }
        String operation = JSON.readTree(body).get("query").asString();
        String get = "/graphql?query=" + java.net.URLEncoder.encode(operation, java.nio.charset.StandardCharsets.UTF_8);
        return new Scenario(name, question, "GET", get, null, check, rawSql, true);
    }

    /** This scenario with the hand-written SQL that computes the same answer, {@code expectedRows} rows of it. */
    public Scenario withRawSql(String sql, int expectedRows) {
        return new Scenario(name, question, method, path, body, check, Optional.of(new RawSql(sql, expectedRows)), revalidate);
    }

    /** A GraphQL operation without variables, posted to {@code /graphql}; {@code rows} is the JSON path to the answer's list. */
    public static Scenario graphQl(String name, String question, String operation, int expectedRows, String... rows) {
        String body = JSON.writeValueAsString(Map.of("query", operation));
        return new Scenario(name, question, "POST", "/graphql", body, ResponseCheck.graphQl(expectedRows, rows));
    }

    /** A CSV download of {@code path}, expected to hold {@code expectedRows} records after the header. */
    public static Scenario csv(String name, String question, String path, int expectedRows) {
        return new Scenario(name, question, "GET", path, null, ResponseCheck.csv(expectedRows));
    }

    /** The HTTP request for the server at {@code baseUrl}, as the caller with {@code apiKey} (PUBLIC when empty). */
    public HttpRequest request(URI baseUrl, Optional<String> apiKey, Duration timeout) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        apiKey.ifPresent(key -> request.header("X-API-Key", key));
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
