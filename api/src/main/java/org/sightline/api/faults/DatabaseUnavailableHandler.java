package org.sightline.api.faults;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.sightline.api.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} for any handler - REST
 * controllers and the GraphQL endpoint (see {@link DatabaseUnavailableGraphQl}) - whose failure
 * comes from a database that does not answer. Runs before the controllers' own error mapping, which
 * would otherwise call an outage an internal error.
 */
@Component
class DatabaseUnavailableHandler implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    private final JsonMapper json;

    DatabaseUnavailableHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
            return null;
        }
        try {
            write(json, response);
        } catch (IOException e) {
            return null;
        }
        log.warn("{} {} answered 503: the database is not answering ({})", request.getMethod(), request.getRequestURI(), rootMessage(ex));
        return new ModelAndView();
    }

    static void write(JsonMapper json, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError("SERVICE_UNAVAILABLE", DatabaseUnavailable.MESSAGE, List.of()));
    }

    static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
