package org.sightline.api.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.sightline.api.web.ApiError;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST answers for requests stopped by a limit, whatever exception the endpoint made of it. A body
 * cut off at its limit (an unreadable CSV, a JSON error, an I/O error): 413 naming the limit. A
 * statement the database cancelled at the statement timeout: 503 naming the timeout. First of all
 * resolvers, so the generic ones never answer 400 or 500 for either.
 */
@Component
class LimitRefusals implements HandlerExceptionResolver, Ordered {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StatementTimeout statementTimeout;

    LimitRefusals(StatementTimeout statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (response.isCommitted()) {
            return null;
        }
        try {
            if (request.getAttribute(RequestBodyLimits.EXCEEDED) instanceof RequestBodyLimits.Limit limit) {
                response.setHeader("Connection", "close");
                write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", limit.refusal());
                return new ModelAndView();
            }
            if (StatementTimeout.cancelled(ex)) {
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "TIMEOUT", statementTimeout.refusal());
                return new ModelAndView();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private void write(HttpServletResponse response, int status, String classification, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(classification, message, List.of()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
