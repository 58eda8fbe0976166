package org.sightline.api.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over GET, as the GraphQL-over-HTTP specification describes it:
 * {@code GET /graphql?query=...&variables=<JSON>&operationName=...}. A GET is a plain URL, so
 * browsers, CDNs and {@link PublicAnswerETags} can cache and revalidate it like any page. Only
 * queries: a document with a mutation or subscription is refused with 405, since a GET must not
 * change anything. The request is handed on as the equivalent JSON POST, so it is executed,
 * secured and answered exactly as one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphQlOverGet extends OncePerRequestFilter {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || request.getParameter("query") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getParameter("query");
        String refusal = onlyQueries(query);
        if (refusal != null) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, refusal);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        String variables = request.getParameter("variables");
        if (variables != null && !variables.isBlank()) {
            try {
                body.put("variables", json.readTree(variables));
            } catch (RuntimeException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the variables parameter must be a JSON object");
                return;
            }
        }
        String operationName = request.getParameter("operationName");
        if (operationName != null && !operationName.isBlank()) {
            body.put("operationName", operationName);
        }
        chain.doFilter(new AsJsonPost(request, json.writeValueAsBytes(body)), response);
    }

    /** Why the document may not travel over GET, or null when every operation in it is a query. */
    private static String onlyQueries(String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return null; // let the GraphQL engine report the syntax error as it always does
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
                return "a " + operation.getOperation().name().toLowerCase() + " changes data, so it is sent with POST, not GET";
            }
        }
        return null;
    }

    /** The GET seen as the POST of its JSON body. */
    private static final class AsJsonPost extends RereadableRequest {

        private final int length;

        AsJsonPost(HttpServletRequest request, byte[] body) {
            super(request, body);
            this.length = body.length;
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                return getContentType();
            }
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Integer.toString(length);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String own = HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    ? getHeader(name) : null;
            return own != null ? Collections.enumeration(Set.of(own)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(HttpHeaders.CONTENT_TYPE);
            names.add(HttpHeaders.CONTENT_LENGTH);
            return Collections.enumeration(names);
        }
    }
}
