package org.sightline.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.versions.DataVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP validators for the public's answers. A protected answer is a function of the question,
 * the caller's standing, the privacy configuration and the {@link DataVersion data version}; for
 * a caller without credentials (the public) the question is the URL. So the ETag of
 * {@code GET /graphql?...} and {@code GET /api/v1/observations.csv?...} is worked out before
 * anything is computed - the data version plus a digest of the URL, the Accept header and the
 * privacy configuration - and a client (a browser, a CDN, a dashboard's HTTP cache) that already
 * holds that answer gets 304 Not Modified for the price of one primary-key read. Answers carry
 * {@code Cache-Control: no-cache}: keep, but revalidate every time, since a release can be
 * published at any moment. Callers with an API key or a token are never given validators: their
 * answers are audited or charged per question.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicAnswerETags extends OncePerRequestFilter {

    private final DataVersion dataVersion;
    private final String configuration;
    private final java.time.Clock clock;

    PublicAnswerETags(DataVersion dataVersion, DisclosurePolicies policies, java.time.Clock clock) {
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.configuration = PublicQuestions.configuration(policies);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean answer = "/graphql".equals(path) && request.getParameter("query") != null || "/api/v1/observations.csv".equals(path);
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || !answer
                || !PublicQuestions.anonymous(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Today's date too: an indicator's refresh.overdue turns true at midnight with no new data.
        String etag = "\"" + dataVersion.current() + "-" + java.time.LocalDate.now(clock).toEpochDay() + "-" + digest(request) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, "Accept, X-API-Key, Authorization");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        chain.doFilter(request, response);
    }

    private String digest(HttpServletRequest request) {
        return PublicQuestions.digest(new byte[0], request.getRequestURI(), request.getQueryString(), request.getHeader(HttpHeaders.ACCEPT),
                configuration).substring(0, 27);
    }

    /** Whether an If-None-Match header names the ETag (a list, weak or strong, or *). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
