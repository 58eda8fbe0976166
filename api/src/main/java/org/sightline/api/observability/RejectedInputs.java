package org.sightline.api.observability;

import graphql.ErrorClassification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import reactor.core.publisher.Mono;

/**
 * Counts what was refused, by reason ({@code sightline.rejected.inputs}): every HTTP 4xx answer,
 * tagged with its status, and every GraphQL error of a 200 answer, tagged with its
 * {@code extensions.classification}. A rise in one reason shows a broken client, an abusive one, or
 * a limit set too low. Faults ({@code INTERNAL_ERROR}, {@code SERVICE_UNAVAILABLE}) are not inputs
 * and are left out. The GraphQL errors of an answer refused with HTTP 400 count under both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RejectedInputs extends OncePerRequestFilter implements WebGraphQlInterceptor {

    static final String METRIC = "sightline.rejected.inputs";

    private static final Set<String> FAULTS = Set.of("INTERNAL_ERROR", "SERVICE_UNAVAILABLE");

    private final MeterRegistry registry;

    RejectedInputs(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            // A GraphQL answer is written on its async dispatch, where this filter runs again.
            int status = response.getStatus();
            if (!request.isAsyncStarted() && status >= 400 && status < 500) {
                count(request.getRequestURI().startsWith(request.getContextPath() + "/graphql") ? "graphql" : "rest",
                        Integer.toString(status));
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).doOnNext(response -> {
            for (ResponseError error : response.getErrors()) {
                ErrorClassification classification = error.getErrorType();
                String reason = classification == null ? "UNCLASSIFIED" : classification.toString();
                if (!FAULTS.contains(reason)) {
                    count("graphql", reason);
                }
            }
        });
    }

    private void count(String api, String reason) {
        Counter.builder(METRIC).description("Requests and GraphQL errors refused, by API and reason (HTTP status or classification)")
                .tag("api", api).tag("reason", reason).register(registry).increment();
    }
}
