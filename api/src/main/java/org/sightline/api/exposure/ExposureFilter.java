package org.sightline.api.exposure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link Exposure} switches before Spring Security and the handlers see a request:
 * {@code /graphiql} and {@code /graphql/schema} answer 404 when switched off (as if absent), and a
 * Prometheus scrape presenting the configured token as {@code Authorization: Bearer} is marked as
 * such - its token is taken off the request, since it is not a caller's JWT - for
 * {@link ExposureSecurity} to let through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ExposureFilter extends OncePerRequestFilter {

    /** Request attribute set on a scrape that presented the configured token. */
    static final String SCRAPE_AUTHORISED = ExposureFilter.class.getName() + ".scrape";

    static final String PROMETHEUS = "/actuator/prometheus";

    private final Exposure exposure;

    ExposureFilter(Exposure exposure) {
        this.exposure = exposure;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ((!exposure.graphiql() && (path.equals("/graphiql") || path.startsWith("/graphiql/")))
                || (!exposure.schema() && path.equals("/graphql/schema"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals(PROMETHEUS) && exposure.metricsToken() != null && presentsToken(request, exposure.metricsToken())) {
            request.setAttribute(SCRAPE_AUTHORISED, Boolean.TRUE);
            chain.doFilter(withoutAuthorization(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean presentsToken(HttpServletRequest request, String token) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest withoutAuthorization(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
        };
    }
}
