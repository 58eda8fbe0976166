package org.sightline.api.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once: dashboards send the same few
 * documents again and again (values travel as variables), and parsing plus validation was a
 * tenth of the CPU of a small answer. Keyed by the document's text, so a document is validated
 * against the schema exactly as it would be afresh; bounded, so odd documents cannot fill memory.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments {

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(2_000).build();
        PreparsedDocumentProvider provider = (input, parseAndValidate) ->
                CompletableFuture.completedFuture(documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }
}
