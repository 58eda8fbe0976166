package org.sightline.api.exposure;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for dashboards and front ends: browsers at the allowed origins
 * ({@code sightline.cors.allowed-origins}) may query {@code /graphql} (GET and POST) and download the
 * CSV export, sending the headers clients use and reading the ETag, rate-limit and request-id
 * headers. No cookies are involved (credentials are headers), so credentials mode stays off. A
 * servlet filter ahead of the public response cache, so cached answers carry the headers too; a
 * preflight from another origin gets 403 and no CORS header.
 */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(Exposure exposure) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(policy(exposure.allowedOrigins())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    static UrlBasedCorsConfigurationSource policy(List<String> allowedOrigins) {
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
