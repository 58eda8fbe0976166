package org.sightline.api.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.http.RereadableRequest;
import org.sightline.api.web.ApiError;
import org.sightline.api.web.UnreadableTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a 400 and before any handler runs, what no endpoint can use: a NUL or bytes that
 * are not UTF-8 in the path, the query string, a header or the body (the body is checked as it
 * streams, so an upload of any size is never held for it), and a GraphQL POST whose body is not
 * a GraphQL request (not a JSON object; {@code query} not a string; {@code operationName} not a
 * string; {@code variables} or {@code extensions} not an object). Runs after {@code GraphQlOverGet}
 * has turned a GET into the equivalent POST, so both are checked alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class MalformedInputFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputFilter.class);

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean graphql = "/graphql".equals(request.getRequestURI());
        if (graphql && !List.of("GET", "POST", "HEAD", "OPTIONS").contains(request.getMethod())) {
            // GraphQL over HTTP: /graphql exists, so another method is "not allowed", not "not found".
            log.info("refused {} /graphql: method not allowed", request.getMethod());
            response.setHeader("Allow", "GET, POST");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(Map.of("errors", List.of(Map.of(
                    "message", request.getMethod() + " is not allowed on /graphql; use POST (or GET for queries)",
                    "extensions", Map.of("classification", "BAD_REQUEST"))))));
            return;
        }
        String refusal = urlOrHeaderProblem(request);
        if (refusal != null) {
            refuse(request, response, graphql, refusal, 0);
            return;
        }
        String contentType = request.getContentType();
        boolean jsonBody = contentType != null && contentType.toLowerCase().contains("json");
        if (graphql && "POST".equals(request.getMethod()) && jsonBody) {
            byte[] body;
            try {
                body = new CheckedText(request.getInputStream(), true).readAllBytes();
            } catch (UnreadableTextException e) {
                refuse(request, response, true, e.getMessage(), e.line());
                return;
            }
            refusal = notAGraphQlRequest(body);
            if (refusal != null) {
                refuse(request, response, true, refusal, 0);
                return;
            }
            chain.doFilter(new RereadableRequest(request, body), response);
            return;
        }
        chain.doFilter(new CheckedRequest(request, jsonBody), response);
    }

    /** Why the URL or a header cannot be read as text, or null. */
    private static String urlOrHeaderProblem(HttpServletRequest request) {
        String path = percentDecodedProblem(request.getRequestURI());
        if (path != null) {
            return "the path " + path;
        }
        String query = request.getQueryString() == null ? null : percentDecodedProblem(request.getQueryString());
        if (query != null) {
            return "the query string " + query;
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                String problem = textProblem(value.getBytes(StandardCharsets.ISO_8859_1));
                if (problem != null || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
                    return "the header " + name + (problem != null ? problem : " contains a control character");
                }
            }
        }
        return null;
    }

    /** The problem of a percent-encoded URL part once decoded to bytes, or null. */
    private static String percentDecodedProblem(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && Character.digit(encoded.charAt(i + 1), 16) >= 0
                    && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c > 0xFF ? '?' : c);
            }
        }
        return textProblem(bytes.toByteArray());
    }

    private static String textProblem(byte[] bytes) {
        try {
            new CheckedText(new ByteArrayInputStream(bytes), false).readAllBytes();
            return null;
        } catch (UnreadableTextException e) {
            return e.getMessage().contains("NUL") ? " contains a NUL character" : " is not valid UTF-8";
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    /** Why a GraphQL POST body is not a GraphQL request (GraphQL over HTTP, section "Request Parameters"), or null. */
    private String notAGraphQlRequest(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return "the request body is not valid JSON" + where(e);
        }
        if (request == null || !request.isObject()) {
            return "the request body must be a JSON object with a string \"query\"";
        }
        JsonNode query = request.get("query");
        if (query == null || !query.isString() || query.asString().isBlank()) {
            return "\"query\" must be a non-empty string holding a GraphQL document";
        }
        JsonNode operationName = request.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            return "\"operationName\" must be a string or null";
        }
        for (String field : List.of("variables", "extensions")) {
            JsonNode value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return "\"" + field + "\" must be a JSON object or null";
            }
        }
        return null;
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean graphql, String message, long line)
            throws IOException {
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), message);
        Object body;
        if (graphql) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("extensions", Map.of("classification", "BAD_REQUEST"));
            body = Map.of("errors", List.of(error));
        } else {
            body = new ApiError("BAD_REQUEST", message, line > 0 ? List.of(Map.of("line", line, "reason", message)) : List.of());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** A request whose body is {@link CheckedText checked} as the endpoint reads it. */
    private static final class CheckedRequest extends HttpServletRequestWrapper {

        private final boolean json;
        private ServletInputStream checked;

        CheckedRequest(HttpServletRequest request, boolean json) {
            super(request);
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                ServletInputStream original = super.getInputStream();
                InputStream in = new CheckedText(original, json);
                checked = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return original.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return checked;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
