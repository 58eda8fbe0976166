package org.sightline.api.exposure;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The parts of the security chain that {@link Exposure} decides: who reads the metrics, the CORS
 * policy and the security headers. {@code SecurityConfiguration} applies them.
 */
@Component
public class ExposureSecurity {

    /**
     * For GraphiQL, which loads React and its editor from esm.sh as modules with an inline import map,
     * runs its editor in workers and talks to /graphql.
     */
    static final String GRAPHIQL_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh blob: data:; "
            + "style-src 'self' 'unsafe-inline' https://esm.sh; font-src 'self' data: https://esm.sh; img-src 'self' data: https://esm.sh; "
            + "connect-src 'self' ws: wss: https://esm.sh; worker-src 'self' blob: https://esm.sh; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    /** For everything else, which is data (JSON, CSV) and never a page: nothing may load or frame it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Exposure exposure;

    ExposureSecurity(Exposure exposure) {
        this.exposure = exposure;
    }

    /** Who may read {@code /actuator/prometheus}. */
    public String metricsPath() {
        return ExposureFilter.PROMETHEUS;
    }

    /** Anyone in the demo (or when configured), otherwise an ADMIN key or the configured scrape token. */
    public AuthorizationManager<RequestAuthorizationContext> metricsAccess() {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(mayReadMetrics(exposure, context.getRequest(), authentication.get()));
    }

    static boolean mayReadMetrics(Exposure exposure, HttpServletRequest request, Authentication authentication) {
        if (exposure.metricsAnonymous() || Boolean.TRUE.equals(request.getAttribute(ExposureFilter.SCRAPE_AUTHORISED))) {
            return true;
        }
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** Security headers and CORS. */
    public void applyTo(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(contentSecurityPolicy()))
                .cors(cors -> cors.configurationSource(corsPolicy(exposure.allowedOrigins())));
    }

    private static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            if (response.containsHeader("Content-Security-Policy")) {
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean graphiql = path.equals("/graphiql") || path.startsWith("/graphiql/");
            response.setHeader("Content-Security-Policy", graphiql ? GRAPHIQL_POLICY : API_POLICY);
        };
    }

    /**
     * Browsers at the allowed origins may query {@code /graphql} (GET and POST) and download the CSV
     * export, sending the headers clients use and reading the ETag and rate-limit headers. No
     * cookies are involved (credentials are headers), so credentials mode stays off.
     */
    static UrlBasedCorsConfigurationSource corsPolicy(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration policy = new CorsConfiguration();
        policy.setAllowedOrigins(allowedOrigins);
        policy.setAllowedMethods(List.of("GET", "POST"));
        policy.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, "X-API-Key", HttpHeaders.AUTHORIZATION,
                HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT, "X-Request-Id"));
        policy.setExposedHeaders(List.of(HttpHeaders.ETAG, "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        policy.setAllowCredentials(false);
        policy.setMaxAge(3600L);
        source.registerCorsConfiguration("/graphql", policy);
        source.registerCorsConfiguration("/api/v1/observations.csv", policy);
        return source;
    }
}
