package org.sightline.api.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.sightline.api.limits.StatementTimeout;
import org.sightline.api.web.ConflictException;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to GraphQL errors with {@code extensions.classification}. Messages of expected
 * errors name the caller's own input; unexpected errors get a generic message (the details, which
 * could contain data, go to the log at a level operators control, never to the caller).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** A question stopped at the statement timeout (HTTP would say 503): not an internal error. */
    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private final StatementTimeout statementTimeout;

    GraphQlErrors(StatementTimeout statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        graphql.ErrorClassification type;
        String message = ex.getMessage();
        if (ex instanceof NotFoundException) {
            type = ErrorType.NOT_FOUND;
        } else if (ex instanceof ForbiddenException) {
            type = ErrorType.FORBIDDEN;
        } else if (ex instanceof IllegalArgumentException || ex instanceof ConflictException) {
            // A conflict with the current state (e.g. withdrawing a withdrawn release) is the caller's to fix.
            type = ErrorType.BAD_REQUEST;
        } else if (StatementTimeout.cancelled(ex)) {
            // The database cancelled the question at the statement timeout: the caller's to narrow.
            log.warn("GraphQL field {} ran out of time: {}", env.getField().getName(), statementTimeout.refusal());
            type = TIMEOUT;
            message = statementTimeout.refusal();
        } else {
            log.error("GraphQL field {} failed", env.getField().getName(), ex);
            type = ErrorType.INTERNAL_ERROR;
            message = "internal error; the operators have been told";
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
