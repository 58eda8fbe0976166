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
 * except on the two pages, the dashboard at {@code /} and GraphiQL at {@code /graphiql}, which may
 * load from this server only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * For the pages (dashboard and GraphiQL): scripts, styles and requests to this server only - every
     * library comes from the jar's webjars - with no inline script or style and no eval. Leaflet and
     * GraphiQL's editor position elements through the CSSOM ({@code element.style.transform = ...}),
     * which the policy does not govern, so neither needs {@code 'unsafe-inline'}. The one allowance
     * beyond {@code 'self'} is {@code data:} for fonts and images, which GraphiQL's stylesheet embeds.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    /** For everything else, which is data (JSON, CSV), scripts and styles, never a page: nothing may load or frame it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", isPage(path) ? PAGE_POLICY : API_POLICY);
        chain.doFilter(request, response);
    }

    /** The HTML pages: the dashboard ({@code /}, {@code /index.html}) and GraphiQL. */
    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/index.html") || path.equals("/graphiql") || path.equals("/graphiql/")
                || path.equals("/graphiql/index.html");
    }
}
