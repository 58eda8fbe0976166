package org.sightline.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client for tests that talks to the running server over real HTTP, as any caller would:
 * GraphQL at /graphql and the REST file endpoints.
 */
public final class Api {

    /** An HTTP response: status and parsed JSON body. */
    public record Response(int status, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    /** A PUBLIC caller (no credentials). */
    public Api(int port) {
        this(port, null);
    }

    /** A caller presenting {@code X-API-Key: apiKey}. */
    public Api(int port, String apiKey) {
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
    }

    /** Sends a GraphQL query with variables; returns the whole response ({@code data} and {@code errors}). */
    public JsonNode graphql(String query, Map<String, Object> variables) {
        return graphqlResponse(query, variables).body();
    }

    /** The whole HTTP response of a GraphQL request (status too, e.g. 401 for a bad key). */
    public Response graphqlResponse(String query, Map<String, Object> variables) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        return send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a GraphQL query and returns {@code data}, failing the test if there are errors. */
    public JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = graphql(query, variables);
        if (response.has("errors")) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    public Response post(String path, byte[] content, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    public Response postJson(String path, Object body) {
        return post(path, JSON.writeValueAsBytes(body), "application/json");
    }

    private Response send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
