package org.sightline.api.exposure;

import graphql.schema.visibility.NoIntrospectionGraphqlFieldVisibility;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/** Hides {@code __schema} and {@code __type} when {@code sightline.exposure.introspection=false}. */
@Component
class IntrospectionSwitch implements GraphQlSourceBuilderCustomizer {

    private final Exposure exposure;

    IntrospectionSwitch(Exposure exposure) {
        this.exposure = exposure;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        if (!exposure.introspection()) {
            builder.configureRuntimeWiring(wiring ->
                    wiring.fieldVisibility(NoIntrospectionGraphqlFieldVisibility.NO_INTROSPECTION_FIELD_VISIBILITY));
        }
    }
}
