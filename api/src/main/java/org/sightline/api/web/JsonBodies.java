package org.sightline.api.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON request bodies bind: a {@code null} inside a list ({@code "characteristicTypes": [null]})
 * is refused as the caller's mistake (400) instead of reaching code that cannot hold it.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

    @Bean
    JsonMapperBuilderCustomizer nullsInListsRefused() {
        JsonSetter.Value refuseNulls = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        return builder -> {
            for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
                builder.withConfigOverride(type, override -> override.setNullHandling(refuseNulls));
            }
        };
    }
}
