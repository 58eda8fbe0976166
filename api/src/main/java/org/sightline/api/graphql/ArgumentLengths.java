package org.sightline.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.fieldvalidation.FieldAndArguments;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationInstrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses a GraphQL operation whose arguments hold text longer than any stored value could be,
 * before any field runs: a code or id longer than {@code sightline.limits.code-length}, a search
 * longer than {@code sightline.limits.search-length}, any other text longer than
 * {@code sightline.limits.text-length}. The database would otherwise see (and for stored text,
 * fail on) values no column can hold; the caller gets BAD_REQUEST naming the argument.
 */
@Configuration(proxyBeanMethods = false)
class ArgumentLengths {

    /** Arguments and input fields that hold codes and ids (area codes, indicator ids, characteristic codes, periods...). */
    private static final Set<String> CODES = Set.of("id", "code", "codes", "indicator", "x", "y", "within", "level", "type",
            "areaType", "characteristic", "benchmark", "by", "breakdown", "customGeography", "organisation", "asOf", "period",
            "periods", "from", "to", "values", "parent", "vintage", "postcode", "postcodes", "indicators", "organisations");

    @Bean
    Instrumentation argumentLengthLimits(@Value("${sightline.limits.code-length:100}") int codeLength,
                                         @Value("${sightline.limits.search-length:200}") int searchLength,
                                         @Value("${sightline.limits.text-length:10000}") int textLength) {
        return new FieldValidationInstrumentation(environment -> {
            List<GraphQLError> errors = new ArrayList<>();
            for (FieldAndArguments field : environment.getFields()) {
                field.getArgumentValuesByName().forEach((name, value) ->
                        check(field, name, name, value, codeLength, searchLength, textLength, errors));
            }
            return errors;
        });
    }

    private static void check(FieldAndArguments field, String name, String path, Object value, int codeLength, int searchLength,
                              int textLength, List<GraphQLError> errors) {
        if (value instanceof String text) {
            int limit = CODES.contains(name) ? codeLength : name.equals("search") ? searchLength : name.equals("after") ? 1000 : textLength;
            if (text.length() > limit) {
                errors.add(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                        .message(field.getField().getName() + "(" + path + "): at most " + limit + " characters, not " + text.length())
                        .location(field.getField().getSourceLocation()).path(field.getPath()).build());
            }
        } else if (value instanceof Map<?, ?> input) {
            input.forEach((key, inner) -> check(field, key.toString(), path + "." + key, inner, codeLength, searchLength, textLength, errors));
        } else if (value instanceof List<?> list) {
            for (Object inner : list) {
                check(field, name, path, inner, codeLength, searchLength, textLength, errors);
            }
        }
    }
}
