package org.sightline.api.exposure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers on every response before anything else can answer - including answers
 * the public response cache serves without passing the security chain: {@code nosniff}, no framing,
 * no referrer, and a Content-Security-Policy that lets nothing load (answers are data, never pages)
 * except on GraphiQL, whose page loads its scripts and styles from esm.sh.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SecurityHeadersFilter extends OncePerRequestFilter {

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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean graphiql = path.equals("/graphiql") || path.startsWith("/graphiql/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", graphiql ? GRAPHIQL_POLICY : API_POLICY);
        chain.doFilter(request, response);
    }
}
