package org.sightline.api.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id - the caller's {@code X-Request-Id} when it is a plausible one, else a
 * new UUID - puts it in the logging MDC as {@code requestId} (the log pattern prints it) and echoes
 * it in the response, so a caller reporting a problem and the operator reading the logs talk about
 * the same request. An incoming id is only accepted from a short set of characters, so a caller
 * cannot forge log lines through it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(MDC_KEY);
        if (id == null) {
            String incoming = request.getHeader(HEADER);
            id = incoming != null && PLAUSIBLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        }
        response.setHeader(HEADER, id);
        request.setAttribute(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The GraphQL answer completes on another dispatch: the id goes back into the MDC there too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
