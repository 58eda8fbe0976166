package org.sightline.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sightline.domain.access.Caller;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public's rate limit, per IP address, charged after the public's 304 revalidations (which
 * cost nothing) and before the public's cached answers (which do count). Requests with credentials
 * are charged in the security chain, where their caller is known
 * ({@link RateLimiter#forCallersWithCredentials()}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PublicRateLimit extends OncePerRequestFilter {

    private final RateLimiter limiter;

    PublicRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader("X-API-Key") != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limiter.admit(request, response, Caller.PUBLIC)) {
            chain.doFilter(request, response);
        }
    }
}
