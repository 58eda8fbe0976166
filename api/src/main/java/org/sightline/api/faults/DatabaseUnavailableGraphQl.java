package org.sightline.api.faults;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A GraphQL request that failed because the database did not answer is answered like any other
 * outage, with HTTP 503 and {@code Retry-After} (not HTTP 200 carrying INTERNAL_ERROR, which
 * clients and load balancers take for success): a field failing that way becomes an error
 * classified {@code SERVICE_UNAVAILABLE} (resolved before the general error mapping), and a
 * response holding one is turned into {@link DatabaseUnavailable}, which
 * {@link DatabaseUnavailableHandler} writes as the 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableGraphQl implements DataFetcherExceptionResolver, WebGraphQlInterceptor {

    enum Classification implements ErrorClassification {
        SERVICE_UNAVAILABLE
    }

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable exception, DataFetchingEnvironment environment) {
        if (!DatabaseUnavailable.isCause(exception)) {
            return Mono.empty();
        }
        return Mono.just(List.of(GraphqlErrorBuilder.newError(environment).errorType(Classification.SERVICE_UNAVAILABLE)
                .message(DatabaseUnavailable.MESSAGE).build()));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            for (ResponseError error : response.getErrors()) {
                if (error.getErrorType() == Classification.SERVICE_UNAVAILABLE) {
                    throw new DatabaseUnavailable(null);
                }
            }
            return response;
        }).onErrorMap(e -> !(e instanceof DatabaseUnavailable) && DatabaseUnavailable.isCause(e), DatabaseUnavailable::new);
    }
}
