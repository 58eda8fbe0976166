package org.sightline.api.observability;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.GraphQLNamedType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Requests and latency per GraphQL root field ({@code sightline.graphql.root.field}, tagged with the
 * operation type, the field and the outcome): which questions are asked, how often and how long
 * they take, including their sub-selections. Only root fields are timed - the per-field
 * {@code graphql.datafetcher} observation stays off (application.yml) because a timer around every
 * field cost a fifth of the CPU of a small cached answer; here a nested field costs one integer
 * comparison.
 */
@Component
class RootFieldTimer extends SimplePerformantInstrumentation {

    static final String METRIC = "sightline.graphql.root.field";

    private final MeterRegistry registry;

    RootFieldTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        if (step.getPath().getLevel() != 1) {
            return SimpleInstrumentationContext.noOp();
        }
        // The root step (the parent) holds the operation's type: Query or Mutation.
        String type = step.getParent() != null && step.getParent().getUnwrappedNonNullType() instanceof GraphQLNamedType named
                ? named.getName() : "Query";
        String field = step.getFieldDefinition().getName();
        Timer.Sample sample = Timer.start(registry);
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> sample.stop(Timer.builder(METRIC)
                .description("GraphQL root fields answered, and how long they took")
                .tag("type", type).tag("field", field).tag("outcome", failure == null ? "success" : "error")
                .register(registry)));
    }
}
