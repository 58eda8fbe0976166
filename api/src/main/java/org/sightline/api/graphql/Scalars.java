package org.sightline.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The custom scalars of the schema: {@code Date} (ISO-8601 calendar date), {@code DateTime} (an
 * ISO-8601 instant with offset, output only) and {@code GeoJSON} (a JSON object).
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

    @Bean
    RuntimeWiringConfigurer customScalars() {
        return wiring -> wiring.scalar(date()).scalar(dateTime()).scalar(geoJson());
    }

    static GraphQLScalarType date() {
        return GraphQLScalarType.newScalar().name("Date").description("An ISO-8601 calendar date, e.g. 2019-04-01")
                .coercing(new Coercing<LocalDate, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        return value.toString();
                    }

                    @Override
                    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                        try {
                            return LocalDate.parse(input.toString());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException("expected a date such as 2019-04-01, got " + input);
                        }
                    }

                    @Override
                    public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) {
                            return parseValue(s.getValue(), context, locale);
                        }
                        throw new CoercingParseLiteralException("expected a date string such as \"2019-04-01\"");
                    }
                }).build();
    }

    static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime")
                .description("An ISO-8601 date and time with its offset from UTC, e.g. 2026-04-01T09:30:00Z")
                .coercing(new Coercing<OffsetDateTime, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof OffsetDateTime time) {
                            return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
                        }
                        return value.toString();
                    }

                    @Override
                    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
                        try {
                            return OffsetDateTime.parse(input.toString());
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException("expected a date and time such as 2026-04-01T09:30:00Z");
                        }
                    }

                    @Override
                    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) {
                            return parseValue(s.getValue(), context, locale);
                        }
                        throw new CoercingParseLiteralException("expected a date and time string such as \"2026-04-01T09:30:00Z\"");
                    }
                }).build();
    }

    static GraphQLScalarType geoJson() {
        return GraphQLScalarType.newScalar().name("GeoJSON").description("A GeoJSON object")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        return value;
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return input;
                    }
                }).build();
    }
}
