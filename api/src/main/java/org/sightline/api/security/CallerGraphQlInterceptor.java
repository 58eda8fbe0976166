package org.sightline.api.security;

import java.util.Map;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Hands the request's caller to GraphQL controllers as the context value {@code caller}. */
@Component
class CallerGraphQlInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object caller = request.getAttributes().get(CallerFilter.CALLER_ATTRIBUTE);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of("caller", caller instanceof Caller c ? c : Caller.PUBLIC)).build());
        return chain.next(request);
    }
}
