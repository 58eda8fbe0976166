package org.sightline.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.sightline.api.exposure.ExposureSecurity;
import org.sightline.api.limits.RateLimiter;
import org.sightline.api.web.ApiError;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading is open to every role (what a role sees is the privacy engine's business); loading
 * geography and characteristic types is for ADMIN, defining indicators and releasing data for
 * ADMIN and STEWARD. Stateless: every request carries its own credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, BearerTokens bearerTokens, JsonMapper json, RateLimiter rateLimiter,
                           ExposureSecurity exposure) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CallerFilter(apiKeys, bearerTokens, json), AnonymousAuthenticationFilter.class)
                // Keys and tokens are charged once their caller is known (the public earlier, by IP).
                .addFilterAfter(rateLimiter.forCallersWithCredentials(), CallerFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/geography", "/api/v1/characteristic-types", "/api/v1/boundaries")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/indicators", "/api/v1/indicators/*/releases")
                        .hasAnyRole("ADMIN", "STEWARD")
                        .requestMatchers(exposure.metricsPath()).access(exposure.metricsAccess())
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> write(json, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "credentials are required"))
                        .accessDeniedHandler((request, response, e) -> write(json, response,
                                HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "your role may not do this")));
        return http.build();
    }

    private static void write(JsonMapper json, HttpServletResponse response, int status, String classification, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(classification, message, List.of()));
    }
}
